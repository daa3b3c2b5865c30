// Validates .xlsx files against the ECMA-376 schemas and the Open XML SDK's semantic rules for a
// given Office file format version (Office 2019 by default), the checks Excel's own opening is
// closest to. Prints one line per error, with its part, its XPath and the SDK's description, then
// a verdict line per file (with --json, one JSON object per file instead). Exits 0 when every
// file is valid, 1 when any has errors, 2 on bad usage or a file that cannot be opened as a
// spreadsheet package.
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using System.Text.RegularExpressions;

var files = new List<string>();
var version = FileFormatVersions.Office2019;
var json = false;
foreach (var arg in args)
{
    if (arg == "--version")
    {
        Console.WriteLine($"DocumentFormat.OpenXml {SdkVersion()}");
        return 0;
    }
    if (arg == "--json") { json = true; continue; }
    if (arg.StartsWith("--office=", StringComparison.Ordinal))
    {
        if (!Enum.TryParse($"Office{arg["--office=".Length..]}", out version))
        {
            Console.Error.WriteLine($"xlsx-validator: unknown Office version in {arg} (use 2019, 2021 or Microsoft365)");
            return 2;
        }
        continue;
    }
    if (arg.StartsWith('-'))
    {
        Console.Error.WriteLine($"xlsx-validator: unknown option {arg}");
        return 2;
    }
    files.Add(arg);
}
if (files.Count == 0)
{
    Console.Error.WriteLine("Usage: XlsxValidator [--office=2019|2021|Microsoft365] [--json] FILE.xlsx...");
    return 2;
}

var status = 0;
foreach (var file in files)
{
    try
    {
        // The error objects point into the open package: report them before it closes.
        using var document = SpreadsheetDocument.Open(file, false);
        // The SDK stops at 1,000 errors by default; 0 means no limit.
        var errors = new OpenXmlValidator(version) { MaxNumberOfErrors = 0 }.Validate(document).ToList();
        var found = errors.Select(error => new Found(
            error.Part?.Uri.ToString() ?? "(package)",
            error.Path?.XPath ?? "",
            error.ErrorType.ToString(),
            error.Id,
            error.Description.ReplaceLineEndings(" "))).ToList();
        found.AddRange(DefinedNameErrors(document));
        if (json)
        {
            // One line per file: what the test and the command line read.
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                file,
                office = version.ToString(),
                sdk = SdkVersion(),
                errors = found,
            }));
        }
        else
        {
            foreach (var e in found) Console.WriteLine($"{file}: {e.part} {e.path}: {e.type} {e.id}: {e.description}");
            Console.WriteLine(found.Count == 0
                ? $"{file}: valid ({version}, DocumentFormat.OpenXml {SdkVersion()})"
                : $"{file}: {found.Count} error{(found.Count == 1 ? "" : "s")} ({version}, DocumentFormat.OpenXml {SdkVersion()})");
        }
        if (found.Count > 0) status = Math.Max(status, 1);
    }
    catch (Exception e) when (e is OpenXmlPackageException or IOException or InvalidDataException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{file}: cannot be opened as a spreadsheet package: {e.Message}");
        status = Math.Max(status, 2);
    }
}
return status;

// The SDK does not parse a defined name's formula. Excel does, and repairs a file by dropping a
// name whose sheet prefix lacks the quotes Excel requires (FY25!$A$1 reads as a cell of column
// FY), or that names a sheet the workbook does not have. Checked here with Excel's quoting rules.
static IEnumerable<Found> DefinedNameErrors(SpreadsheetDocument document)
{
    var workbook = document.WorkbookPart?.Workbook;
    if (workbook?.DefinedNames is null) yield break;
    var part = document.WorkbookPart!.Uri.ToString();
    var sheets = new HashSet<string>(
        workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "") ?? [],
        StringComparer.OrdinalIgnoreCase);
    var index = 0;
    foreach (var name in workbook.DefinedNames.Elements<DefinedName>())
    {
        index++;
        var path = $"/x:workbook[1]/x:definedNames[1]/x:definedName[{index}]";
        var text = name.Text ?? "";
        // A sheet prefix before "!": a quoted name (apostrophes doubled inside) or an unquoted run.
        foreach (Match m in Regex.Matches(text, @"(?:'((?:[^']|'')+)'|([^\s'!:(),=+\-*/&^<>{}""]+))!"))
        {
            var quoted = m.Groups[1].Success;
            var sheet = quoted ? m.Groups[1].Value.Replace("''", "'") : m.Groups[2].Value;
            if (!quoted && NeedsQuotes(sheet))
                yield return new Found(part, path, "Semantic", "DefinedName_UnquotedSheet",
                    $"The name '{name.Name}' refers to {text}: the sheet name {sheet} must be quoted; Excel drops the name when it repairs the file.");
            if (!sheets.Contains(sheet))
                yield return new Found(part, path, "Semantic", "DefinedName_UnknownSheet",
                    $"The name '{name.Name}' refers to {text}: the workbook has no sheet named {sheet}.");
        }
    }
}

// Excel's rules: not a plain identifier, starts like an A1 reference (up to three letters then a
// digit; this covers R1C1), an R1C1 row or column alone, or a logical constant.
static bool NeedsQuotes(string sheet) =>
    !Regex.IsMatch(sheet, "^[A-Za-z_][A-Za-z0-9_]*$")
    || Regex.IsMatch(sheet, "^[A-Za-z]{1,3}[0-9]")
    || Regex.IsMatch(sheet, "^(R|C|RC)$", RegexOptions.IgnoreCase)
    || Regex.IsMatch(sheet, "^(TRUE|FALSE)$", RegexOptions.IgnoreCase);

static string SdkVersion() =>
    typeof(OpenXmlValidator).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
        .FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "unknown";

record Found(string part, string path, string type, string id, string description);
