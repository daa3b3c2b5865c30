// Validates .xlsx files against the ECMA-376 schemas and the Open XML SDK's semantic rules for a
// given Office file format version (Office 2019 by default), the checks Excel's own opening is
// closest to. Prints one line per error, with its part, its XPath and the SDK's description, then
// a verdict line per file (with --json, one JSON object per file instead). Exits 0 when every
// file is valid, 1 when any has errors, 2 on bad usage or a file that cannot be opened as a
// spreadsheet package.
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

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
        var found = errors.Select(error => new
        {
            part = error.Part?.Uri.ToString() ?? "(package)",
            path = error.Path?.XPath ?? "",
            type = error.ErrorType.ToString(),
            id = error.Id,
            description = error.Description.ReplaceLineEndings(" "),
        }).ToList();
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
            Console.WriteLine(errors.Count == 0
                ? $"{file}: valid ({version}, DocumentFormat.OpenXml {SdkVersion()})"
                : $"{file}: {errors.Count} error{(errors.Count == 1 ? "" : "s")} ({version}, DocumentFormat.OpenXml {SdkVersion()})");
        }
        if (errors.Count > 0) status = Math.Max(status, 1);
    }
    catch (Exception e) when (e is OpenXmlPackageException or IOException or InvalidDataException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{file}: cannot be opened as a spreadsheet package: {e.Message}");
        status = Math.Max(status, 2);
    }
}
return status;

static string SdkVersion() =>
    typeof(OpenXmlValidator).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
        .FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "unknown";
