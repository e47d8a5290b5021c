using System;

namespace Bitrix24.Client.Models
{
    /// <summary>When a template starts by itself (AUTO_EXECUTE, flags: 1 on create, 2 on update).</summary>
    [Flags]
    public enum WorkflowAutoExecute
    {
        None = 0,
        OnCreate = 1,
        OnUpdate = 2,
        OnCreateAndUpdate = OnCreate | OnUpdate,
    }
}
