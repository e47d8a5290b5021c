using System.Collections.Generic;
using Bitrix24.Client.Serialization;

namespace Bitrix24.Client.Api
{
    /// <summary>The flowData of tasks.flow.Flow.create/update; null members are not sent (update changes only what is given).</summary>
    public sealed class FlowFields
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public long? GroupId { get; set; }
        public long? OwnerId { get; set; }
        public long? TemplateId { get; set; }
        /// <summary>Seconds, positive.</summary>
        public long? PlannedCompletionTime { get; set; }
        /// <summary>manually, queue or himself.</summary>
        public string? DistributionType { get; set; }
        /// <summary>[type, id] pairs: ("user","3"), ("department","17:F").</summary>
        public IList<string[]>? ResponsibleList { get; set; }
        public IList<string[]>? TaskCreators { get; set; }
        public bool? MatchWorkTime { get; set; }
        public bool? ResponsibleCanChangeDeadline { get; set; }
        public bool? NotifyAtHalfTime { get; set; }
        public bool? TaskControl { get; set; }
        public int? NotifyOnQueueOverflow { get; set; }
        public int? NotifyOnTasksInProgressOverflow { get; set; }
        public int? NotifyWhenEfficiencyDecreases { get; set; }

        /// <summary>The documented flowData object: flags as 0/1, member lists as arrays of pairs.</summary>
        internal ParameterSet ToParameters(long? id = null)
        {
            static object? Bit(bool? flag) => flag is null ? null : (object)(flag.Value ? 1 : 0);
            return new ParameterSet()
                .SetIfPresent("id", id)
                .SetIfPresent("name", Name)
                .SetIfPresent("description", Description)
                .SetIfPresent("groupId", GroupId)
                .SetIfPresent("ownerId", OwnerId)
                .SetIfPresent("templateId", TemplateId)
                .SetIfPresent("plannedCompletionTime", PlannedCompletionTime)
                .SetIfPresent("distributionType", DistributionType)
                .SetIfPresent("responsibleList", ResponsibleList)
                .SetIfPresent("taskCreators", TaskCreators)
                .SetIfPresent("matchWorkTime", Bit(MatchWorkTime))
                .SetIfPresent("responsibleCanChangeDeadline", Bit(ResponsibleCanChangeDeadline))
                .SetIfPresent("notifyAtHalfTime", Bit(NotifyAtHalfTime))
                .SetIfPresent("taskControl", Bit(TaskControl))
                .SetIfPresent("notifyOnQueueOverflow", NotifyOnQueueOverflow)
                .SetIfPresent("notifyOnTasksInProgressOverflow", NotifyOnTasksInProgressOverflow)
                .SetIfPresent("notifyWhenEfficiencyDecreases", NotifyWhenEfficiencyDecreases);
        }
    }
}
