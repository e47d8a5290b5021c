using System.Management.Automation;
using System.Security;

namespace Bitrix24.PowerShell.Infrastructure.Auth
{
    /// <summary>
    /// A secret parameter (SecureString) also takes a PSCredential (its password: Get-Credential, or a secret
    /// stored as a credential in SecretManagement). Plain text is refused here with a message that never
    /// repeats the value: PowerShell's own conversion error would quote it into $Error and the console.
    /// </summary>
    public sealed class SecretArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case SecureString _:
                    return value;
                case PSCredential credential:
                    return credential.Password;
                default:
                    throw new ArgumentTransformationMetadataException(
                        "A secret is taken as a SecureString or a PSCredential (Read-Host -AsSecureString, Get-Secret, "
                        + "Get-Credential), never as plain text; the value given (a " + value.GetType().Name + ") is not shown. "
                        + "For a webhook URL in plain text use -Url, or leave the parameter out to be prompted.");
            }
        }
    }
}
