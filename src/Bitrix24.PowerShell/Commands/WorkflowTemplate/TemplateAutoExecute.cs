namespace Bitrix24.PowerShell.Commands
{
    /// <summary>
    /// -AutoExecute of New-/Set-B24WorkflowTemplate (AUTO_EXECUTE 0–3). The same values as the client's
    /// WorkflowAutoExecute, declared here because PowerShell reads parameter types while importing the module,
    /// before the module's load context can serve the client assembly (as FlowDistribution is).
    /// </summary>
    public enum TemplateAutoExecute
    {
        /// <summary>Started by hand only.</summary>
        None = 0,
        /// <summary>Starts when a document is created.</summary>
        OnCreate = 1,
        /// <summary>Starts when a document is changed.</summary>
        OnUpdate = 2,
        /// <summary>Starts on both.</summary>
        OnCreateAndUpdate = 3,
    }
}
