namespace Bitrix24.HelpBuilder;
public static class DocsUpdater { public static int Run(string docs, string metadata) => 1; }
