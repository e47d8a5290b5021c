using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Api;

/// <summary>
/// One way a request can prove who it is from (an area registers it; OAuth access tokens in <c>auth</c>).
/// Return null when the request is not of this scheme, so the next scheme (finally the webhook check) is asked;
/// return the caller when it is valid; throw <see cref="RestException"/> when it is of this scheme but refused
/// (401 <c>expired_token</c>, 401 <c>invalid_token</c>).
/// </summary>
internal interface IAuthScheme
{
    Caller? Authenticate(RestRoute route, RestParams parameters);
}
