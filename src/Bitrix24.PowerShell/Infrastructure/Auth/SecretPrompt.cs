using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace Bitrix24.PowerShell.Infrastructure.Auth
{
    /// <summary>
    /// Asks the user for a secret through the host, masked (as Read-Host -AsSecureString), so it never reaches
    /// the command line or its history. Only where someone can answer: not in pwsh -NonInteractive, not when
    /// the console's input is redirected (a scheduler, CI, a pipe — reading it could wait forever), not in a
    /// host without a UI. There it returns null with the reason, and the caller fails with a clear error.
    /// </summary>
    internal static class SecretPrompt
    {
        public static SecureString? Read(PSCmdlet cmdlet, string label, out string? whyNot)
        {
            whyNot = WhyNot(cmdlet.Host);
            if (whyNot is not null)
                return null;
            try
            {
                cmdlet.Host.UI.Write(label + ": ");
                var value = cmdlet.Host.UI.ReadLineAsSecureString();
                if (value is null || value.Length == 0)
                {
                    whyNot = "nothing was entered";
                    return null;
                }
                return value;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is HostException || ex is NotImplementedException)
            {
                // pwsh -NonInteractive ("Read and Prompt functionality is not available") or a host that cannot read.
                whyNot = "this session cannot prompt (" + ex.GetType().Name + ")";
                return null;
            }
        }

        /// <summary>Why nobody can answer in this session (a prompt, a browser sign-in), or null when someone can.</summary>
        internal static string? WhyNot(PSHost? host)
        {
            if (host?.UI is null)
                return "this host has no user interface to prompt with";
            if (!Environment.UserInteractive)
                return "the process is not interactive";
            if (IsNonInteractiveConsole(host))
                return "pwsh runs with -NonInteractive";
            if (string.Equals(host.Name, "ConsoleHost", StringComparison.Ordinal) && Console.IsInputRedirected)
                return "the console's input is redirected";
            return null;
        }

        // ConsoleHost does not expose -NonInteractive; it is on the command line it was started with.
        private static bool IsNonInteractiveConsole(PSHost host)
        {
            if (!string.Equals(host.Name, "ConsoleHost", StringComparison.Ordinal))
                return false;
            foreach (var argument in Environment.GetCommandLineArgs())
            {
                var name = argument.TrimStart('-', '/');
                if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase))
                    return true;
                if (string.Equals(name, "c", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "command", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "f", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "file", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "encodedcommand", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "e", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "ec", StringComparison.OrdinalIgnoreCase))
                    return false; // what follows belongs to the script, not to pwsh
            }
            return false;
        }
    }
}
