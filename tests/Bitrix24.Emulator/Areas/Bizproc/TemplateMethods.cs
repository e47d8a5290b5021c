using Bitrix24.Emulator.Api;
using Bitrix24.Emulator.Data;
using Bitrix24.Emulator.Http;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>bizproc.workflow.template.list (administrators only): SELECT (default ID), FILTER, ORDER (default
/// ID ascending), start.</summary>
internal static class TemplateMethods
{
    public static MethodResult List(MethodContext context)
    {
        context.RequireAdmin();
        var parameters = context.Params;
        var schema = TemplateRow.Schema;
        var fields = ListSelect.Parse(schema, parameters.Get("SELECT"), "ID");
        var filter = new ListFilter<TemplateRow>(schema, PhpValues.Entries(parameters.Get("FILTER")) ?? [], ListFilter<TemplateRow>.ComparisonOps, rejectOthers: true);
        var order = ListOrder<TemplateRow>.Parse(schema, parameters.Get("ORDER"), ("ID", false));
        return ListPage.Build(context, context.Area<BizprocArea>().Templates, filter, order, t => t.Id, t => schema.Render(t, fields));
    }
}
