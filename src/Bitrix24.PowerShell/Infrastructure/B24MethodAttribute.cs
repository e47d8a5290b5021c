using System;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// Names the REST method(s) a cmdlet calls, as AWS Tools' AWSCmdletAttribute does: a grep for a method
    /// name finds its cmdlet (and through it the docs and tests), a test checks that the emulator serves every
    /// declared method, and <see cref="B24Cmdlet"/> refuses an <see cref="ApplicationOnly"/> cmdlet on a webhook
    /// connection before anything is sent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class B24MethodAttribute : Attribute
    {
        public B24MethodAttribute(params string[] methods) => Methods = methods ?? Array.Empty<string>();

        /// <summary>The REST methods, e.g. bizproc.workflow.terminate.</summary>
        public string[] Methods { get; }

        /// <summary>The methods work only in an application's context (robots, activities, template writes):
        /// a webhook gets ACCESS_DENIED "Application context required" from the portal.</summary>
        public bool ApplicationOnly { get; set; }
    }
}
