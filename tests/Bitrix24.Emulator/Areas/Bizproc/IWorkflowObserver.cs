namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>An area that runs workflow steps (workflow tasks) learns here that a workflow started, so that it
/// can create the tasks of the template's first step.</summary>
internal interface IWorkflowObserver
{
    void Started(WorkflowRow workflow, TemplateRow? template);
}
