namespace Bitrix24.PowerShell.Commands
{
    /// <summary>How a flow hands out tasks; sent as manually, queue, himself.</summary>
    public enum FlowDistribution
    {
        /// <summary>All tasks go to the moderator, who distributes them.</summary>
        Manually,
        /// <summary>Tasks go in turn to each team member.</summary>
        Queue,
        /// <summary>Team members take tasks themselves.</summary>
        Himself,
    }
}
