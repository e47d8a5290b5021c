#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The help a user reads with Get-Help, built by `dotnet build` from docs/ into out/Bitrix24/en-US. Every exported
# cmdlet is held to it, so a cmdlet added later is covered without editing this file. Self-contained: it needs
# only the built module.

BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifestPath = Join-Path $repoRoot 'out/Bitrix24/Bitrix24.psd1'
    if (-not (Test-Path $manifestPath)) {
        throw "The module is not built: run dotnet build Bitrix24.PowerShell.sln -c Release first (no $manifestPath)."
    }
    $module = Import-Module $manifestPath -Force -PassThru
    $cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet, Function | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $docs = Join-Path $repoRoot 'docs'
    $module = Import-Module (Join-Path $repoRoot 'out/Bitrix24/Bitrix24.psd1') -Force -PassThru
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-ParagraphText($Paragraphs) { (@($Paragraphs) | ForEach-Object { $_.Text }) -join "`n" }

    # The fenced blocks of a page's SYNTAX section, with the ### set heading each one follows (if any).
    function Get-PageSyntax([string] $Path) {
        $text = (Get-Content -Raw $Path) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## SYNTAX\n(.*?)(?=^## )').Groups[1].Value
        foreach ($match in [regex]::Matches($section, '(?ms)(?:^### (?<set>[^\n]+)\n)?^```[^\n]*\n(?<code>.*?)^```')) {
            [pscustomobject]@{ Set = $match.Groups['set'].Value -replace '\s*\(Default\)$'; Code = $match.Groups['code'].Value }
        }
    }

    function Compress-Space([string] $Text) { ($Text -replace '\s+', ' ').Trim() }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        $helpText = $help | Out-String -Width 200
    }

    It 'has a synopsis of its own (not the syntax Get-Help falls back to without MAML)' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$Name ["))
        $help.Synopsis | Should -Not -Match '\{\{'
    }

    It 'has a description' {
        Get-ParagraphText $help.Description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty -Because $example.Title
            Get-ParagraphText $example.Remarks | Should -Not -BeNullOrEmpty -Because $example.Title
        }
    }

    It 'has examples whose code parses and names only parameters the module''s cmdlets have' {
        foreach ($example in @($help.Examples.Example)) {
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($example.Code, [ref] $tokens, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "$($example.Title) must parse"
            $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
            foreach ($call in $calls) {
                $called = $module.ExportedCommands[[string]$call.GetCommandName()]
                if (-not $called) { continue }   # a standard cmdlet (Get-Content, ForEach-Object …)
                foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                    $known = $called.Parameters.Values | Where-Object { $_.Name -eq $parameter.ParameterName -or $_.Aliases -contains $parameter.ParameterName }
                    $known | Should -Not -BeNullOrEmpty -Because "$($example.Title) passes -$($parameter.ParameterName) to $($called.Name)"
                }
            }
        }
    }

    It 'describes every parameter other than the common ones' {
        $described = @{}
        foreach ($parameter in @($help.Parameters.Parameter | Where-Object { $_ })) { $described[$parameter.Name] = Get-ParagraphText $parameter.Description }
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $described[$parameter] | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
            $described[$parameter] | Should -Not -Match '\{\{' -Because "-$parameter still has the update-docs stub"
        }
    }

    It 'has a page whose SYNTAX is what Get-Command -Syntax prints' {
        $page = Join-Path $docs "$Name.md"
        $page | Should -Exist
        $blocks = @(Get-PageSyntax $page)
        $sets = @($command.ParameterSets)
        $blocks.Count | Should -Be $sets.Count -Because 'one SYNTAX block per parameter set (tools/Update-HelpPages.ps1 refreshes them)'
        for ($i = 0; $i -lt $sets.Count; $i++) {
            if ($sets.Count -gt 1) { $blocks[$i].Set | Should -Be $sets[$i].Name }
            Compress-Space $blocks[$i].Code | Should -BeExactly (Compress-Space "$Name $($sets[$i])")
        }
    }

    It 'renders the markdown literally (no emphasis eaten, no markdown escapes left)' {
        $helpText | Should -Not -Match '` \* `|/ \* /|\\\*'
    }
}

Describe 'Help pages and the module' {
    BeforeAll {
        $pages = Get-ChildItem $docs -Filter '*.md' | Where-Object BaseName -Match '^[A-Za-z]+-[A-Za-z0-9]+$' | ForEach-Object BaseName | Sort-Object
    }

    It 'has a page for every exported cmdlet and an exported cmdlet for every page' {
        $exported = $module.ExportedCommands.Keys | Sort-Object
        $pages | Should -Be $exported
    }

    It 'shows the masked webhook code as written: ***' {
        (Get-Help Connect-B24 -Full | Out-String -Width 200) | Should -Match ([regex]::Escape('/rest/1/***/'))
        (Get-Help Get-B24Connection -Full | Out-String -Width 200) | Should -Match ([regex]::Escape('`***`'))
    }

    It 'finds about_Bitrix24 with Get-Help' {
        $topic = Get-Help about_Bitrix24
        $topic.Category | Should -Be 'HelpFile'
        $text = $topic | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'Connect-B24'
        $text | Should -Match ([regex]::Escape('/rest/1/***/'))
    }
}
