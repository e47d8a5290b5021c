using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// Register-/Set-/Get-/Unregister-B24Robot and -B24Activity in process against the emulator, signed in as an
/// application: every documented field reaches the portal as documented, definitions come from hashtables,
/// bad definitions are refused before anything is sent, and a webhook connection is refused locally.
/// </summary>
public sealed class AppActivityCmdletTests(ITestOutputHelper log) : AppPortalTest(log)
{
    private long AppCalls(string noun) => Portal.GetStats().CallsByMethod.Where(c => c.Key.StartsWith("bizproc." + noun.ToLowerInvariant() + ".", StringComparison.Ordinal)).Sum(c => c.Value);

    [Theory]
    [InlineData("Robot")]
    [InlineData("Activity")]
    public void Every_documented_field_is_sent_as_the_docs_describe(string noun)
    {
        RunOk(ConnectApp + $$"""
            $properties = [ordered]@{
                docType = @{ Name = [ordered]@{ en = 'Document type'; de = 'Dokumenttyp' }; Type = 'select'; Options = [ordered]@{ pdf = 'PDF'; docx = 'DOCX' }; Required = $true; Multiple = $false; Default = 'pdf' }
                saveDoc = @{ Name = 'Save'; Description = 'Keep a copy'; Type = 'bool'; Default = $true }
            }
            Register-B24{{noun}} -Code 'doc.make-1' -Name ([ordered]@{ en = 'Make document'; de = 'Dokument erstellen' }) -Description 'Makes a document' `
                -Handler 'https://app.example.com/make' -AuthUserId 1 -UseSubscription:$false -Properties $properties `
                -ReturnProperties @{ url = @{ Name = 'Link'; Type = 'string' } } -DocumentType 'Dynamic 128' `
                -Filter @{ Include = 'crm|CCrmDocumentDeal', 'crm|CCrmDocumentLead'; Exclude = 'box' } -UsePlacement -PlacementHandler 'https://app.example.com/settings'
            """, AppVariables());

        Assert.Equal(["doc.make-1"], Codes(noun == "Robot"));
        Assert.Equal("\"https://app.example.com/make\"", Stored("doc.make-1", "HANDLER"));
        Assert.Equal("\"1\"", Stored("doc.make-1", "AUTH_USER_ID")); // a batch sub-call: a query string, so text
        Assert.Equal("\"N\"", Stored("doc.make-1", "USE_SUBSCRIPTION"));
        Assert.Equal("""{"en":"Make document","de":"Dokument erstellen"}""", Stored("doc.make-1", "NAME"));
        Assert.Equal("\"Makes a document\"", Stored("doc.make-1", "DESCRIPTION"));
        Assert.Equal("""{"docType":{"NAME":{"en":"Document type","de":"Dokumenttyp"},"TYPE":"select","OPTIONS":{"pdf":"PDF","docx":"DOCX"},"REQUIRED":"Y","MULTIPLE":"N","DEFAULT":"pdf"},"saveDoc":{"NAME":"Save","DESCRIPTION":"Keep a copy","TYPE":"bool","DEFAULT":"Y"}}""",
            Normalized(Stored("doc.make-1", "PROPERTIES")));
        Assert.Equal("""{"url":{"NAME":"Link","TYPE":"string"}}""", Stored("doc.make-1", "RETURN_PROPERTIES"));
        Assert.Equal("""["crm","Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic","DYNAMIC_128"]""", Stored("doc.make-1", "DOCUMENT_TYPE"));
        Assert.Equal("""{"INCLUDE":[["crm","CCrmDocumentDeal"],["crm","CCrmDocumentLead"]],"EXCLUDE":["box"]}""", Stored("doc.make-1", "FILTER"));
        Assert.Equal("\"Y\"", Stored("doc.make-1", "USE_PLACEMENT"));
        Assert.Equal("\"https://app.example.com/settings\"", Stored("doc.make-1", "PLACEMENT_HANDLER"));
    }

    /// <summary>Property objects' keys come back in the order the hashtable enumerated them; compare sorted.</summary>
    private static string? Normalized(string? json)
    {
        if (json is null)
            return null;
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var sorted = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, property) in node)
        {
            var order = new[] { "NAME", "DESCRIPTION", "TYPE", "OPTIONS", "REQUIRED", "MULTIPLE", "DEFAULT" };
            var copy = new System.Text.Json.Nodes.JsonObject();
            foreach (var key in order)
                if (property![key] is { } value)
                    copy[key] = value.DeepClone();
            sorted[name] = copy;
        }
        return sorted.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    [Theory]
    [InlineData("Robot")]
    [InlineData("Activity")]
    public void A_hashtable_definition_binds_from_the_pipeline_with_parameter_or_documented_names(string noun)
    {
        var values = RunOk(ConnectApp + $$"""
            @(
                @{ Code = 'one'; Name = 'One'; Handler = 'https://app.example.com/one' }
                @{ CODE = 'two'; NAME = 'Two'; HANDLER = 'https://app.example.com/two'; AUTH_USER_ID = 1; USE_SUBSCRIPTION = 'N'; DOCUMENT_TYPE = 'Deal' }
            ) | Register-B24{{noun}} -PassThru | ForEach-Object Code
            [pscustomobject]@{ Code = 'three'; Name = 'Three'; Handler = 'https://app.example.com/three' } | Register-B24{{noun}} -PassThru | ForEach-Object Code
            """, AppVariables());

        Assert.Equal(["one", "two", "three"], values);
        Assert.Null(Stored("one", "AUTH_USER_ID"));   // the second definition's keys did not leak into the first, nor back
        Assert.Equal("\"1\"", Stored("two", "AUTH_USER_ID"));
        Assert.Equal("\"N\"", Stored("two", "USE_SUBSCRIPTION"));
        Assert.Equal("""["crm","CCrmDocumentDeal","DEAL"]""", Stored("two", "DOCUMENT_TYPE"));
        Assert.Null(Stored("three", "DOCUMENT_TYPE"));
        Assert.Equal(2, Calls("batch")); // one per pipeline
    }

    [Theory]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Colour = 'red' }", "unknown key 'Colour'")]
    [InlineData("Robot", "@{ Code = 'x y'; Name = 'X'; Handler = 'https://a.example/h' }", "not a valid robot code")]
    [InlineData("Robot", "@{ Code = 'x'; Handler = 'https://a.example/h' }", "name is required")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'ftp://a.example/h' }", "absolute http or https URL")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ '1st' = @{ Name = 'n' } } }", "starts with a letter")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Type = 'string' } } }", "Name is required")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Type = 'color' } } }", "Type 'color' is not one of")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Type = 'select' } } }", "a select needs Options")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Type = 'select'; Options = @{ a = 'A' }; Default = 'b' } } }", "Default 'b' is not one of the Options")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Default = 'a', 'b' } } }", "need Multiple")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Required = 'maybe' } } }", "Required of property 'p'")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Kind = 'x' } } }", "unknown key 'Kind'")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; UsePlacement = $true }", "needs -PlacementHandler")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; PlacementHandler = 'https://a.example/p' }", "only with -UsePlacement")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; DocumentType = 'Invoice' }", "not a document type")]
    [InlineData("Robot", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Filter = @{ Only = 'box' } }", "unknown key 'Only'")]
    [InlineData("Robot", "@{ Code = 'x'; Name = @{ english = 'X' }; Handler = 'https://a.example/h' }", "not a language id")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Colour = 'red' }", "unknown key 'Colour'")]
    [InlineData("Activity", "@{ Code = 'x y'; Name = 'X'; Handler = 'https://a.example/h' }", "not a valid activity code")]
    [InlineData("Activity", "@{ Code = 'x'; Handler = 'https://a.example/h' }", "name is required")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'ftp://a.example/h' }", "absolute http or https URL")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ '1st' = @{ Name = 'n' } } }", "starts with a letter")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Type = 'string' } } }", "Name is required")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Type = 'color' } } }", "Type 'color' is not one of")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Type = 'select' } } }", "a select needs Options")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Type = 'select'; Options = @{ a = 'A' }; Default = 'b' } } }", "Default 'b' is not one of the Options")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Default = 'a', 'b' } } }", "need Multiple")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Required = 'maybe' } } }", "Required of property 'p'")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Properties = @{ p = @{ Name = 'n'; Kind = 'x' } } }", "unknown key 'Kind'")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; UsePlacement = $true }", "needs -PlacementHandler")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; PlacementHandler = 'https://a.example/p' }", "only with -UsePlacement")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; DocumentType = 'Invoice' }", "not a document type")]
    [InlineData("Activity", "@{ Code = 'x'; Name = 'X'; Handler = 'https://a.example/h'; Filter = @{ Only = 'box' } }", "unknown key 'Only'")]
    [InlineData("Activity", "@{ Code = 'x'; Name = @{ english = 'X' }; Handler = 'https://a.example/h' }", "not a language id")]
    public void A_bad_definition_is_refused_before_sending(string noun, string definition, string message)
    {
        var result = Run(ConnectApp + definition + " | Register-B24" + noun + "\n'after'", AppVariables());

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("INVALID_ARGUMENT,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(message, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["after"], result.Values);
        Assert.Equal(0, AppCalls(noun));
    }

    [Theory]
    [InlineData("Robot")]
    [InlineData("Activity")]
    public void Set_sends_only_the_fields_given_and_Get_filters_by_wildcard(string noun)
    {
        var values = RunOk(ConnectApp + $$"""
            Register-B24{{noun}} -Code deal_a -Name 'A' -Handler 'https://app.example.com/a' -Description 'first'
            Register-B24{{noun}} -Code deal_b -Name 'B' -Handler 'https://app.example.com/b'
            Register-B24{{noun}} -Code lead_c -Name 'C' -Handler 'https://app.example.com/c'
            Get-B24{{noun}} -Code 'deal_*' | Set-B24{{noun}} -Handler 'https://app.example.com/v2' -PassThru | ForEach-Object Code
            """, AppVariables());

        Assert.Equal(["deal_a", "deal_b"], values);
        Assert.Equal("\"https://app.example.com/v2\"", Stored("deal_a", "HANDLER"));
        Assert.Equal("\"first\"", Stored("deal_a", "DESCRIPTION"));   // not sent, so kept
        Assert.Equal("\"https://app.example.com/c\"", Stored("lead_c", "HANDLER"));

        var nothing = Run(ConnectApp + "Set-B24" + noun + " -Code deal_a", AppVariables());
        Assert.Contains("Nothing to change", Assert.Single(nothing.Errors).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Robot")]
    [InlineData("Activity")]
    public void Force_updates_an_existing_one_and_without_it_the_portal_refuses(string noun)
    {
        var result = Run(ConnectApp + $$"""
            Register-B24{{noun}} -Code r1 -Name 'R' -Handler 'https://app.example.com/v1'
            Register-B24{{noun}} -Code r1 -Name 'R' -Handler 'https://app.example.com/v2'
            Register-B24{{noun}} -Code r1 -Name 'R' -Handler 'https://app.example.com/v3' -Force
            """, AppVariables());

        Assert.Equal("ERROR_ACTIVITY_ALREADY_INSTALLED,Bitrix24.PowerShell.Commands.Register" + "B24" + noun + "Command", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal("\"https://app.example.com/v3\"", Stored("r1", "HANDLER"));
        Assert.Equal(1, Calls($"bizproc.{noun.ToLowerInvariant()}.update"));
        Assert.Equal(1, Calls($"bizproc.{noun.ToLowerInvariant()}.list"));
    }

    [Theory]
    [InlineData("Robot")]
    [InlineData("Activity")]
    public void A_webhook_connection_is_refused_before_anything_is_sent(string noun)
    {
        foreach (var command in new[] { $"Get-B24{noun}", $"Register-B24{noun} -Code r -Name R -Handler https://a.example/h", $"Unregister-B24{noun} -Code r -Confirm:$false", $"Set-B24{noun} -Code r -Name R2" })
        {
            var result = Run(Connect + command);
            var error = result.TerminatingRecord ?? Assert.Single(result.Errors);
            Assert.StartsWith("APPLICATION_CONTEXT_REQUIRED,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("sign in as an application", error.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(0, AppCalls(noun));
    }

    [Theory]
    [InlineData("Robot")]
    [InlineData("Activity")]
    public void Unregister_asks_high_impact_confirmation_and_WhatIf_sends_nothing(string noun)
    {
        var values = RunOk(ConnectApp + $$"""
            Register-B24{{noun}} -Code r1 -Name 'R' -Handler 'https://app.example.com/h'
            Get-B24{{noun}} | Unregister-B24{{noun}} -WhatIf
            (Get-Command Unregister-B24{{noun}}).ImplementingType.GetCustomAttributes($true) | Where-Object { $_ -is [System.Management.Automation.CmdletAttribute] } | ForEach-Object { "$($_.ConfirmImpact)" }
            Get-B24{{noun}} | Unregister-B24{{noun}} -Force
            @(Get-B24{{noun}}).Count
            """, AppVariables());

        Assert.Equal(["High", 0], values);
        Assert.Equal(1, Calls($"bizproc.{noun.ToLowerInvariant()}.delete"));
        Assert.Empty(Codes(noun == "Robot"));
    }
}
