namespace Bitrix24.Emulator.Areas.Tasks;

/// <summary>A task tag: its portal-wide id and its title.</summary>
internal sealed record TaskTag(long Id, string Title);
