#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 12, bad input: a catalogue across every cmdlet and Connect-B24. Each bad input must give a specific error
# (its ErrorId), a fitting ErrorCategory, a message that names the parameter or field and what is accepted
# ('Says', a regex), and, when the problem is detectable locally ('Local'), no request at all (the emulator's
# totalRequests before and after). Portal answers with wrong field types or missing fields come from the
# emulator's fault plan ('body' faults). Inputs that must work (Unicode names, a 10 MB description: the docs
# give DESCRIPTION as a string with no length limit, so there is no local cap) and empty pipelines are listed
# apart, as are pipelines whose bad items must not stop the good ones. Robot and template-import cmdlets do not
# exist yet, so robot property names and .bpt paths are not in the catalogue.

BeforeDiscovery {
    # Run: the code (as text; made into a script block inside the test). Id: the ErrorId before the comma.
    $rejected = @(
        # Connect-B24: malformed webhook URLs, limits, application sign-in
        @{ Name = 'webhook URL that is no URL'; Run = { Connect-B24 -Url 'not a url' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'not an absolute URL.*Expected a URL like https://'; Local = $true }
        @{ Name = 'webhook URL without /rest/'; Run = { Connect-B24 -Url 'https://portal.invalid/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'must contain /rest/\{user id\}/\{code\}/'; Local = $true }
        @{ Name = 'webhook user id 0'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/0/abc/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'user id in the webhook URL must be a positive whole number'; Local = $true }
        @{ Name = 'webhook user id -1'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/-1/abc/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'user id .* positive whole number'; Local = $true }
        @{ Name = 'webhook user id not a number'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/admin/abc/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'user id .* positive whole number'; Local = $true }
        @{ Name = 'webhook code with illegal characters'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/co$de!/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "code may only contain letters, digits, '_' and '-'"; Local = $true }
        @{ Name = 'webhook URL with a method after the code'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/abc/user.get' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'something after the code'; Local = $true }
        @{ Name = 'webhook URL with a query string'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/abc/?x=1' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'query string'; Local = $true }
        @{ Name = 'webhook URL with ftp://'; Run = { Connect-B24 -Url 'ftp://portal.invalid/rest/1/abc/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "must start with https:// \(found the scheme 'ftp'\)"; Local = $true }
        @{ Name = 'webhook URL with a user name'; Run = { Connect-B24 -Url 'https://me:pw@portal.invalid/rest/1/abc/' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'user name or password'; Local = $true }
        @{ Name = 'webhook URL empty'; Run = { Connect-B24 -Url '' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Url'.*null or empty"; Local = $true }
        @{ Name = 'webhook URL over http:// to a remote host'; Run = { Connect-B24 -Url 'http://portal.invalid/rest/1/abc/' }; Id = 'INSECURE_TRANSPORT'; Category = 'SecurityError'; Says = 'plain http://.*https://.*loopback'; Local = $true }
        @{ Name = 'RequestsPerSecond 0'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/abc/' -RequestsPerSecond 0 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'RequestsPerSecond'.*minimum allowed range of 0.1"; Local = $true }
        @{ Name = 'RequestsPerSecond NaN'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/abc/' -RequestsPerSecond ([double]::NaN) }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'RequestsPerSecond'"; Local = $true }
        @{ Name = 'Burst 0'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/abc/' -Burst 0 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Burst'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'MaxRetries -1'; Run = { Connect-B24 -Url 'https://portal.invalid/rest/1/abc/' -MaxRetries -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'MaxRetries'.*minimum allowed range of 0"; Local = $true }
        @{ Name = 'portal address with a space'; Run = { Connect-B24 -Portal 'https://exa mple/' -ClientId a -ClientSecret (Secure 'x') -RefreshToken (Secure 'x') }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'portal address must be an https:// URL'; Local = $true }
        @{ Name = 'client id empty'; Run = { Connect-B24 -Portal 'https://portal.invalid/' -ClientId '' -RefreshToken (Secure 'x') }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ClientId'"; Local = $true }
        @{ Name = 'refresh token as plain text'; Run = { Connect-B24 -Portal 'https://portal.invalid/' -ClientId a -ClientSecret (Secure 'x') -RefreshToken 'plain' }; Id = 'ParameterArgumentTransformationError'; Category = 'InvalidData'; Says = "parameter 'RefreshToken'.*SecureString or a PSCredential"; Local = $true }
        @{ Name = 'token cache that does not exist'; Run = { Connect-B24 -FromTokenCache -TokenCachePath '/nonexistent/b24/cache.json' }; Id = 'TOKEN_CACHE_MISSING'; Category = 'ObjectNotFound'; Says = 'no token cache at /nonexistent/b24/cache.json'; Local = $true }

        # Workflows and templates: ids of the wrong type or sign, document ids with the wrong number of parts, $null in arrays
        @{ Name = 'Get-B24Workflow -TemplateId -1'; Run = { Get-B24Workflow -TemplateId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'TemplateId'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Get-B24Workflow -TemplateId abc'; Run = { Get-B24Workflow -TemplateId abc }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "parameter 'TemplateId'.*System.Int32"; Local = $true }
        @{ Name = 'Get-B24Workflow -Id that is no workflow id'; Run = { Get-B24Workflow -Id 'not-an-id' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*not a workflow id \(like 66e412fdc9bd44.36306599\)"; Local = $true }
        @{ Name = 'Get-B24Workflow -DocumentId with two parts'; Run = { Get-B24Workflow -DocumentId 'crm|CCrmDocumentLead' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'not a document id: give module, entity and element'; Local = $true }
        @{ Name = 'Get-B24Workflow -DocumentId with $null inside'; Run = { Get-B24Workflow -DocumentId @('crm|CCrmDocumentLead|LEAD_1', $null) }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'DocumentId'.*null"; Local = $true }
        @{ Name = 'Get-B24Workflow -StartedBy -1'; Run = { Get-B24Workflow -StartedBy -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'StartedBy'"; Local = $true }
        @{ Name = 'Start-B24Workflow -TemplateId 0'; Run = { Start-B24Workflow -TemplateId 0 -DocumentId 'crm|CCrmDocumentLead|LEAD_1' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'TemplateId'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Start-B24Workflow -DocumentId with two parts'; Run = { Start-B24Workflow -TemplateId 1 -DocumentId 'CCrmDocumentLead|LEAD_1' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "'CCrmDocumentLead\|LEAD_1' is not a document id: give module, entity and element"; Local = $true }
        @{ Name = 'Start-B24Workflow -DocumentId with four parts'; Run = { Start-B24Workflow -TemplateId 1 -DocumentId 'crm|CCrmDocumentLead|LEAD_1|x' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'not a document id'; Local = $true }
        @{ Name = 'Start-B24Workflow -DocumentId empty'; Run = { Start-B24Workflow -TemplateId 1 -DocumentId '' }; Id = 'ParameterArgumentValidationErrorEmptyStringNotAllowed'; Category = 'InvalidData'; Says = "parameter 'DocumentId'.*empty string"; Local = $true }
        @{ Name = 'Start-B24Workflow -DocumentId with $null inside'; Run = { Start-B24Workflow -TemplateId 1 -DocumentId @('crm|CCrmDocumentLead|LEAD_1', $null) }; Id = 'ParameterArgumentValidationErrorNullNotAllowed'; Category = 'InvalidData'; Says = "parameter 'DocumentId'.*null"; Local = $true }
        @{ Name = 'Stop-B24Workflow -Id empty'; Run = { Stop-B24Workflow -Id '' -Confirm:$false }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*not a workflow id"; Local = $true }
        @{ Name = 'Remove-B24Workflow -Id with a space'; Run = { Remove-B24Workflow -Id 'x y' -Force }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*not a workflow id"; Local = $true }
        @{ Name = 'Get-B24WorkflowTemplate -Id -3'; Run = { Get-B24WorkflowTemplate -Id -3 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Get-B24WorkflowTemplate -ModuleId empty'; Run = { Get-B24WorkflowTemplate -ModuleId '' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ModuleId'.*null or empty"; Local = $true }
        @{ Name = 'Get-B24WorkflowTemplate -Name empty'; Run = { Get-B24WorkflowTemplate -Name '' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Name'.*null or empty"; Local = $true }

        # Users
        @{ Name = 'Get-B24User -Id -1'; Run = { Get-B24User -Id -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Get-B24User -Id abc'; Run = { Get-B24User -Id abc }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "parameter 'Id'.*System.Int32"; Local = $true }
        @{ Name = 'Get-B24User -Id with $null inside'; Run = { Get-B24User -Id 1, $null }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Get-B24User -First -1'; Run = { Get-B24User -First -1 }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "parameter 'First'.*UInt64"; Local = $true }
        @{ Name = 'Get-B24User -Search empty'; Run = { Get-B24User -Search '' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Search'.*null or empty"; Local = $true }

        # Flows: ids, zero and negative times, unknown enum values
        @{ Name = 'Get-B24Flow -Id 0'; Run = { Get-B24Flow -Id 0 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Get-B24Flow -Id -5'; Run = { Get-B24Flow -Id -5 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'"; Local = $true }
        @{ Name = 'Get-B24Flow -Id abc'; Run = { Get-B24Flow -Id abc }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "parameter 'Id'.*System.Int64"; Local = $true }
        @{ Name = '$null piped into Get-B24Flow'; Run = { $null | Get-B24Flow }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*null"; Local = $true }
        @{ Name = 'New-B24Flow -Name empty'; Run = { New-B24Flow -Name '' -PlannedCompletionTime 600 -Responsible 1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Name'.*null or empty"; Local = $true }
        @{ Name = 'New-B24Flow -PlannedCompletionTime 0'; Run = { New-B24Flow -Name x -PlannedCompletionTime 0 -Responsible 1 }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = '-PlannedCompletionTime must be positive \(at least one second\)'; Local = $true }
        @{ Name = 'New-B24Flow -PlannedCompletionTime -60'; Run = { New-B24Flow -Name x -PlannedCompletionTime -60 -Responsible 1 }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = '-PlannedCompletionTime must be positive'; Local = $true }
        @{ Name = 'New-B24Flow -PlannedCompletionTime soon'; Run = { New-B24Flow -Name x -PlannedCompletionTime 'soon' -Responsible 1 }; Id = 'ParameterArgumentTransformationError'; Category = 'InvalidData'; Says = "(?s)parameter 'PlannedCompletionTime'.*90s, 30m, 2h, 1d.*'soon'"; Local = $true }
        @{ Name = 'New-B24Flow -DistributionType unknown'; Run = { New-B24Flow -Name x -PlannedCompletionTime 600 -DistributionType Sideways }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "(?s)parameter 'DistributionType'.*Manually, Queue, Himself"; Local = $true }
        @{ Name = 'New-B24Flow -NotifyOnQueueOverflow -1'; Run = { New-B24Flow -Name x -PlannedCompletionTime 600 -Responsible 1 -NotifyOnQueueOverflow -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'NotifyOnQueueOverflow'"; Local = $true }
        @{ Name = 'New-B24Flow -Responsible -3'; Run = { New-B24Flow -Name x -PlannedCompletionTime 600 -Responsible -3 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Responsible'"; Local = $true }
        @{ Name = 'New-B24Flow -GroupId -1'; Run = { New-B24Flow -Name x -PlannedCompletionTime 600 -Responsible 1 -GroupId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'GroupId'"; Local = $true }
        @{ Name = 'Set-B24Flow -Id 0'; Run = { Set-B24Flow -Id 0 -Name x }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'"; Local = $true }
        @{ Name = 'Switch-B24Flow -Id -1'; Run = { Switch-B24Flow -Id -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'"; Local = $true }
        @{ Name = 'Test-B24Flow -Name empty'; Run = { Test-B24Flow -Name '' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Name'"; Local = $true }
        @{ Name = 'Add-B24FlowPin -Id 0'; Run = { Add-B24FlowPin -Id 0 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'"; Local = $true }

        # Tasks: parameters and CSV rows with missing columns or wrong values
        @{ Name = 'Add-B24Task -Title empty'; Run = { Add-B24Task -Title '' -ResponsibleId 1 }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "Row 1 \(''\): -Title is required"; Local = $true }
        @{ Name = 'Add-B24Task -ResponsibleId -1'; Run = { Add-B24Task -Title x -ResponsibleId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ResponsibleId'"; Local = $true }
        @{ Name = 'Add-B24Task without -ResponsibleId or -FlowId'; Run = { Add-B24Task -Title x }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = '-ResponsibleId is required unless -FlowId is given'; Local = $true }
        @{ Name = 'Add-B24Task -Priority unknown'; Run = { Add-B24Task -Title x -ResponsibleId 1 -Priority Urgent }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "-Priority takes Low, Medium or High .*'Urgent' is not one"; Local = $true }
        @{ Name = 'Add-B24Task -Deadline that is no date'; Run = { Add-B24Task -Title x -ResponsibleId 1 -Deadline 'not a date' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = '-Deadline takes a date .*ISO 8601'; Local = $true }
        @{ Name = 'Add-B24Task -GroupId -1'; Run = { Add-B24Task -Title x -ResponsibleId 1 -GroupId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'GroupId'"; Local = $true }
        @{ Name = 'Add-B24Task -Auditors that are no ids'; Run = { Add-B24Task -Title x -ResponsibleId 1 -Auditors 'abc' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "-Auditors takes user ids .*'abc' is not one"; Local = $true }
        @{ Name = 'Add-B24Task -Fields key with illegal characters'; Run = { Add-B24Task -Title x -ResponsibleId 1 -Fields @{ 'BAD KEY!' = 1 } }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "-Fields key 'BAD KEY!' is not a task field name \(letters, digits and '_'"; Local = $true }
        @{ Name = 'Add-B24Task -StartDatePlan without -EndDatePlan'; Run = { Add-B24Task -Title x -ResponsibleId 1 -StartDatePlan '2026-02-01T10:00:00+00:00' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = '-StartDatePlan and -EndDatePlan go together'; Local = $true }
        @{ Name = 'Add-B24Task -EndDatePlan before -StartDatePlan'; Run = { Add-B24Task -Title x -ResponsibleId 1 -StartDatePlan '2026-02-02T10:00:00+00:00' -EndDatePlan '2026-02-01T10:00:00+00:00' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = '-EndDatePlan .* is before -StartDatePlan'; Local = $true }
        @{ Name = 'CSV row without a Title column'; Run = { 'ResponsibleId', '1' | ConvertFrom-Csv | Add-B24Task }; Id = 'InputObjectMissingMandatory'; Category = 'InvalidArgument'; Says = 'mandatory parameters:\s+Title'; Local = $true }
        @{ Name = 'CSV row without a ResponsibleId column'; Run = { 'Title', 'no one' | ConvertFrom-Csv | Add-B24Task }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "Row 1 \('no one'\): -ResponsibleId is required"; Local = $true }
        @{ Name = 'CSV row with a ResponsibleId that is no number'; Run = { 'Title,ResponsibleId', 'x,abc' | ConvertFrom-Csv | Add-B24Task }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "-ResponsibleId takes a user id .*'abc' is not one"; Local = $true }
        @{ Name = 'CSV row cut short (empty ResponsibleId cell)'; Run = { 'Title,ResponsibleId', 'short' | ConvertFrom-Csv | Add-B24Task }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ResponsibleId'"; Local = $true }
        @{ Name = 'Get-B24Task -Id 0'; Run = { Get-B24Task -Id 0 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Get-B24Task -Id -1'; Run = { Get-B24Task -Id -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Id'"; Local = $true }
        @{ Name = 'Get-B24Task -ResponsibleId -1'; Run = { Get-B24Task -ResponsibleId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ResponsibleId'"; Local = $true }

        # Workflow tasks
        @{ Name = 'Complete-B24BizprocTask -TaskId 0'; Run = { Complete-B24BizprocTask -TaskId 0 -Status Approved }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'TaskId'.*minimum allowed range of 1"; Local = $true }
        @{ Name = 'Complete-B24BizprocTask -TaskId -1'; Run = { Complete-B24BizprocTask -TaskId -1 -Status Approved }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'TaskId'"; Local = $true }
        @{ Name = 'Complete-B24BizprocTask -Status unknown'; Run = { Complete-B24BizprocTask -TaskId 1 -Status Maybe }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "(?s)parameter 'Status'.*Approved, Rejected, Acknowledged, Cancelled"; Local = $true }
        @{ Name = '$null piped into Complete-B24BizprocTask'; Run = { $null | Complete-B24BizprocTask -Status Approved }; Id = 'ParameterArgumentValidationErrorNullNotAllowed'; Category = 'InvalidData'; Says = "parameter 'InputObject'.*null"; Local = $true }
        @{ Name = 'Move-B24BizprocTask -ToUserId 0'; Run = { Move-B24BizprocTask -TaskId 1 -ToUserId 0 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ToUserId'"; Local = $true }
        @{ Name = 'Move-B24BizprocTask -ToUserId -2'; Run = { Move-B24BizprocTask -TaskId 1 -ToUserId -2 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'ToUserId'"; Local = $true }
        @{ Name = 'Move-B24BizprocTask -FromUserId -2'; Run = { Move-B24BizprocTask -TaskId 1 -ToUserId 2 -FromUserId -2 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'FromUserId'"; Local = $true }
        @{ Name = 'Get-B24BizprocTask -Status unknown'; Run = { Get-B24BizprocTask -Status Pending }; Id = 'CannotConvertArgumentNoMessage'; Category = 'InvalidArgument'; Says = "(?s)parameter 'Status'.*enumerator names"; Local = $true }
        @{ Name = 'Get-B24BizprocTask -UserId -1'; Run = { Get-B24BizprocTask -UserId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'UserId'"; Local = $true }
        @{ Name = 'Get-B24BizprocTask -DocumentId with two parts'; Run = { Get-B24BizprocTask -DocumentId 'a|b' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "'a\|b' is not a document id"; Local = $true }
        @{ Name = 'Get-B24BizprocTask -TemplateId -1'; Run = { Get-B24BizprocTask -TemplateId -1 }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'TemplateId'"; Local = $true }
        @{ Name = 'Get-B24BizprocTask -WorkflowId that is no workflow id'; Run = { Get-B24BizprocTask -WorkflowId 'nope' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'WorkflowId'.*not a workflow id"; Local = $true }

        # Raw calls and batches
        @{ Name = 'Invoke-B24Method -Method empty'; Run = { Invoke-B24Method -Method '' }; Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Says = "parameter 'Method'"; Local = $true }
        @{ Name = 'Invoke-B24Method with a space in the name'; Run = { Invoke-B24Method -Method 'user get' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "'user get' is not a REST method name \(letters, digits, '.', '_' and '-' only\)"; Local = $true }
        @{ Name = 'Invoke-B24Method with a path in the name'; Run = { Invoke-B24Method -Method '../user.get' }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = 'is not a REST method name'; Local = $true }
        @{ Name = 'Invoke-B24Batch with a batch inside'; Run = { Invoke-B24Batch -Command @{ a = 'batch' } }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "Sub-call 'a' is a batch: a batch cannot contain another batch"; Local = $true }
        @{ Name = 'Invoke-B24Batch sub-call that is a number'; Run = { Invoke-B24Batch -Command @{ a = 42 } }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "Sub-call 'a' must be `"method\?query`" or @\{ Method"; Local = $true }
        @{ Name = 'Invoke-B24Batch sub-call that is $null'; Run = { Invoke-B24Batch -Command @{ a = $null } }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "Sub-call 'a' must be"; Local = $true }
        @{ Name = 'Invoke-B24Batch sub-call with a bad method name'; Run = { Invoke-B24Batch -Command @{ a = 'user get?ID=1' } }; Id = 'INVALID_ARGUMENT'; Category = 'InvalidArgument'; Says = "Sub-call 'a': 'user get' is not a REST method name"; Local = $true }

        # Portal answers with wrong field types or missing fields (the emulator's fault plan sends the body)
        @{ Name = 'answer: a user ID that is no number'; Run = { Add-BodyFault 'user.get' '{"result":[{"ID":"abc","NAME":"x"}],"total":1}'; Get-B24User -Id 1 }; Id = 'ERROR_UNEXPECTED_ANSWER'; Category = 'InvalidResult'; Says = 'Field ID of a B24User: "abc" is not a whole number'; Local = $false }
        @{ Name = 'answer: no result at all'; Run = { Add-BodyFault 'user.get' '{"total":1}'; Get-B24User -Id 1 }; Id = 'ERROR_UNEXPECTED_ANSWER'; Category = 'InvalidResult'; Says = 'without a result'; Local = $false }
        @{ Name = 'answer: a template ID that is a word'; Run = { Add-BodyFault 'bizproc.workflow.template.list' '{"result":[{"ID":"seven","NAME":"x"}],"total":1}'; Get-B24WorkflowTemplate }; Id = 'ERROR_UNEXPECTED_ANSWER'; Category = 'InvalidResult'; Says = 'Field ID of a WorkflowTemplate: "seven" is not a whole number'; Local = $false }
        @{ Name = 'answer: a created task missing from the batch result'; Run = { Add-BodyFault 'batch' '{"result":{"result":{"c0":{"task":"oops"}},"result_error":[],"result_total":[],"result_next":[],"result_time":[]}}'; Add-B24Task -Title t -ResponsibleId 1 }; Id = 'ERROR_UNEXPECTED_ANSWER'; Category = 'InvalidResult'; Says = 'did not return a task'; Local = $false }
        @{ Name = 'answer: not JSON'; Run = { Add-BodyFault 'user.get' '<html>oops</html>'; Get-B24User -Id 1 }; Id = 'ERROR_UNEXPECTED_ANSWER'; Category = 'InvalidResult'; Says = 'user.get'; Local = $false }
    )
    $works = @(
        @{ Name = 'Flow time with a unit'; Run = { (New-B24Flow -Name 'two hours' -PlannedCompletionTime 2h -Responsible 1).PlannedCompletionTime }; Expect = 7200 }
        @{ Name = 'Unicode flow name'; Run = { (New-B24Flow -Name 'Поток ✓ 流程 😀' -PlannedCompletionTime 600 -Responsible 1).Name }; Expect = 'Поток ✓ 流程 😀' }
        @{ Name = 'Unicode flow name looked up'; Run = { Test-B24Flow -Name 'Поток ✓ 流程 😀' }; Expect = $true }
        @{ Name = 'Unicode task title'; Run = { (Add-B24Task -Title 'Задача ✓ 任务 😀' -ResponsibleId 1).Title }; Expect = 'Задача ✓ 任务 😀' }
        @{ Name = 'Unicode CSV row'; Run = { ('Title,ResponsibleId', 'Ünïcødé 任务,1' | ConvertFrom-Csv | Add-B24Task).Title }; Expect = 'Ünïcødé 任务' }
        @{ Name = '10 MB task description'; Run = { $d = 'x' * 10MB; (Get-B24Task -Id (Add-B24Task -Title 'big' -ResponsibleId 1 -Description $d).Id -Select ID, DESCRIPTION).Description.Length }; Expect = 10MB }
        @{ Name = '10 MB flow description'; Run = { $d = 'y' * 10MB; (New-B24Flow -Name 'big flow' -Description $d -PlannedCompletionTime 600 -Responsible 1).Description.Length }; Expect = 10MB }
        @{ Name = '51 sub-calls in one Invoke-B24Batch (split into 50 + 1)'; Run = { $c = [ordered]@{}; 1..51 | ForEach-Object { $c["c$_"] = 'user.current' }; @(Invoke-B24Batch -Command $c -Confirm:$false).Count }; Expect = 51 }
    )
    $empty = @(
        @{ Name = 'Stop-B24Workflow'; Run = { @() | Stop-B24Workflow -Confirm:$false } }
        @{ Name = 'Remove-B24Workflow'; Run = { @() | Remove-B24Workflow -Force } }
        @{ Name = 'Add-B24Task'; Run = { @() | Add-B24Task } }
        @{ Name = 'Complete-B24BizprocTask'; Run = { @() | Complete-B24BizprocTask -Status Approved } }
        @{ Name = 'Move-B24BizprocTask'; Run = { @() | Move-B24BizprocTask -ToUserId 2 } }
        @{ Name = 'Get-B24Flow'; Run = { @() | Get-B24Flow } }
        @{ Name = 'Get-B24Task'; Run = { @() | Get-B24Task } }
    )
}

Describe 'Bad input catalogue' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 10 -ExtraArguments @('--seed-flows', '3', '--seed-tasks', '3', '--seed-bizproc-tasks', '3', '--rate', '1000', '--burst', '100000')
        $null = Initialize-TestSession $emulator
        $PSDefaultParameterValues['*-B24*:Confirm'] = $false
        function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
        function Add-BodyFault([string] $Method, [string] $Body) {
            $rule = @{ method = $Method; body = $Body; contentType = 'application/json'; times = 10 } | ConvertTo-Json
            $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/faults" -Body $rule -ContentType 'application/json'
        }
        function Get-Requests { [int](Get-EmulatorStats $emulator).totalRequests }
        # Runs the case's code with every stream merged; a terminating error ends it and is kept too.
        function Invoke-Case([string] $Code) {
            $ErrorActionPreference = 'Continue'
            $block = [scriptblock]::Create($Code)
            $all = @(try { & $block 2>&1 } catch { $_ })
            [pscustomobject]@{
                Errors  = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                Outputs = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            }
        }
        $script:tried = 0; $script:rejectedLocally = 0
    }

    BeforeEach {
        $null = Invoke-RestMethod -Method Delete -Uri "$($emulator.Base)/emulator/faults"
        Connect-B24 -Url $emulator.Webhook -RequestsPerSecond 1000 -Burst 10000   # a failed Connect-B24 case leaves none
    }

    AfterAll {
        Write-Host "Bad inputs tried: $script:tried; rejected locally with no request: $script:rejectedLocally"
        $PSDefaultParameterValues.Remove('*-B24*:Confirm')
        Disconnect-B24 -ErrorAction SilentlyContinue
        if ($emulator) { Stop-TestEmulator $emulator }
    }

    It 'rejects <Name>' -ForEach $rejected {
        $script:tried++
        $before = Get-Requests
        $run = Invoke-Case $Run.ToString()
        $sent = (Get-Requests) - $before

        $run.Errors.Count | Should -BeGreaterThan 0 -Because 'a bad input must fail'
        $record = $run.Errors[0]
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $record.CategoryInfo.Category | Should -Be $Category
        "$($record.Exception.Message) $($record.ErrorDetails.Message)" | Should -Match $Says
        $run.Outputs | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] } | Should -BeNullOrEmpty
        if ($Local) {
            $sent | Should -Be 0 -Because 'the problem was detectable locally'
            $script:rejectedLocally++
        }
    }

    It 'accepts <Name>' -ForEach $works {
        $run = Invoke-Case $Run.ToString()
        $run.Errors | Should -BeNullOrEmpty
        $run.Outputs | Should -Be $Expect
    }

    It 'does nothing for an empty pipeline into <Name>: no output, no error, no request' -ForEach $empty {
        $before = Get-Requests
        $run = Invoke-Case $Run.ToString()
        $run.Errors | Should -BeNullOrEmpty
        $run.Outputs | Should -BeNullOrEmpty
        (Get-Requests) - $before | Should -Be 0
    }

    It 'goes on past bad pipeline items: flows by id with $null and 0 in between' {
        $before = Get-Requests
        $run = Invoke-Case '1, $null, 2, 0, 3 | Get-B24Flow'
        $run.Outputs.Id | Should -Be @(1, 2, 3)
        $run.Errors.Count | Should -Be 2
        $run.Errors.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'InvalidData'
        (Get-Requests) - $before | Should -Be 1   # the good ids in one batch; the bad ones cost nothing
    }

    It 'goes on past bad CSV rows: 3 good rows created, 3 bad rows reported by position, one request' {
        $before = Get-Requests
        $csv = 'Title,ResponsibleId,Priority', 'one,1,Low', ',1,Low', 'three,1,High', 'four,abc,Low', 'five,1,Urgent', 'six,2,Medium'
        $run = Invoke-Case "'$($csv -join "','")' | ConvertFrom-Csv | Add-B24Task"
        $run.Outputs.Title | Should -Be @('one', 'three', 'six')
        $run.Errors.Count | Should -Be 3
        $run.Errors[0].Exception.Message | Should -Match "Row 2 \(''\): -Title is required"
        $run.Errors[1].Exception.Message | Should -Match "Row 4 \('four'\): -ResponsibleId takes a user id"
        $run.Errors[2].Exception.Message | Should -Match "Row 5 \('five'\): -Priority takes Low, Medium or High"
        (Get-Requests) - $before | Should -Be 1
    }

    It 'goes on past ids that are no workflow ids: the real ones are stopped' {
        $ids = @(Get-B24Workflow -First 2).Id
        $before = Get-Requests
        $run = Invoke-Case "'abc', '$($ids[0])', '', '$($ids[1])' | Stop-B24Workflow -PassThru -Confirm:`$false"
        @($run.Outputs) | Should -Be $ids
        $run.Errors.Count | Should -Be 2
        (Get-Requests) - $before | Should -Be 1
    }

    It 'stops at the first bad item with -ErrorAction Stop and sends nothing after it' {
        $before = Get-Requests
        { 'Title,ResponsibleId', ',1', 'later,1' | ConvertFrom-Csv | Add-B24Task -ErrorAction Stop } | Should -Throw -ErrorId 'INVALID_ARGUMENT,Bitrix24.PowerShell.Commands.AddB24TaskCommand'
        { 0, 1, 2 | Get-B24Flow -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        (Get-Requests) - $before | Should -Be 0
        # A good row ahead of the bad one is sent and reported; the row after it is never sent.
        $added = [int](Get-EmulatorStats $emulator).writesByMethod.'tasks.task.add'
        $created = [System.Collections.Generic.List[object]]::new(); $caught = $null
        try { 'Title,ResponsibleId', 'first,1', ',1', 'later,1' | ConvertFrom-Csv | Add-B24Task -ErrorAction Stop | ForEach-Object { $created.Add($_) } } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'INVALID_ARGUMENT,*'
        [int](Get-EmulatorStats $emulator).writesByMethod.'tasks.task.add' - $added | Should -Be 1
        $created.Title | Should -Be 'first'
    }
}
