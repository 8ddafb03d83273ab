using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Output;
using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge lf apply|analyze`: run labeling functions over files and inspect the label matrix.</summary>
internal static class LabelingFunctionCommand
{
    public static Command Create()
    {
        var command = new Command("lf", "Labeling functions: apply a set to documents, analyze a label matrix.");
        command.Subcommands.Add(Apply());
        command.Subcommands.Add(Analyze());
        return command;
    }

    private static Command Apply()
    {
        var project = new Argument<string?>("PROJECT") { Description = "Apply to a project's items and store the results (omit to work on --input files).", Arity = ArgumentArity.ZeroOrOne };
        var lfs = new Option<string>("--lfs") { Description = "Labeling-function set (YAML).", Required = true };
        var input = new Option<string?>("--input") { Description = "Documents: .csv with a header row, or .jsonl (file mode)." };
        var textField = new Option<string>("--text-field") { Description = "Column or property holding the text.", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output") { Description = "Label matrix to write (CSV: header of LF names, -1 = abstain) (file mode)." };
        var previous = new Option<string?>("--previous") { Description = "Earlier label matrix; re-applies only changed LFs (needs its .fingerprints file)." };
        var setName = new Option<string>("--set") { Description = "Name of the project's LF set (project mode).", DefaultValueFactory = _ => "default" };
        var model = LabelModelOption.Create("Label model for project mode.");
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("apply", "Apply a labeling-function set to a CSV/JSONL file (writing the label matrix) or to a project (storing probabilistic labels).")
        {
            project, lfs, input, textField, output, previous, setName, model, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            if (parse.GetValue(project) is { } projectRef)
                return await LabelingFunctionProjectApply.RunAsync(parse, projectRef, parse.GetValue(lfs)!, parse.GetValue(setName)!, parse.GetValue(model)!, db, json, ct);
            var inputPath = parse.GetValue(input) ?? throw new CliException("give a PROJECT, or --input and --output to work on files");
            var outputPath = parse.GetValue(output) ?? throw new CliException("--output is required with --input");
            var set = LoadSet(parse.GetValue(lfs)!);
            var clock = Stopwatch.StartNew();
            var result = RunApply(set, inputPath, parse.GetValue(textField)!, parse.GetValue(previous), ct);
            await using (var writer = new StreamWriter(outputPath, false, new System.Text.UTF8Encoding(false), 1 << 16))
                LabelMatrixCsv.Write(writer, result.Matrix, result.Names);
            await File.WriteAllLinesAsync(FingerprintPath(outputPath), result.Fingerprints, ct);
            // Reading the documents, applying the functions and writing the matrix; apply_seconds is the functions alone.
            var seconds = clock.Elapsed.TotalSeconds;
            var summary = LabelingFunctionSummaries.Apply(result, set, outputPath, seconds);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                CliJson.Write(stdout, summary);
            else
                LabelingFunctionSummaries.PrintApply(stdout, summary);
            return 0;
        });
        return command;
    }

    private static Command Analyze()
    {
        var matrix = new Option<string>("--matrix") { Description = "Label matrix CSV (from `lf apply`).", Required = true };
        var gold = new Option<string?>("--gold") { Description = "Gold labels CSV: header `label`, one int per row, -1 = unknown." };
        var samples = new Option<int>("--samples") { Description = "Row indices to list per LF where it fires and where it conflicts.", DefaultValueFactory = _ => 5 };
        var json = CommonOptions.Json();
        var command = new Command("analyze", "Coverage, overlaps, conflicts and (with gold) accuracy of each labeling function.")
        {
            matrix, gold, samples, json,
        };
        command.SetHandler((parse, _) =>
        {
            var (labels, names) = ReadMatrix(parse.GetValue(matrix)!);
            var goldPath = parse.GetValue(gold);
            var goldLabels = goldPath is null ? null : ReadGold(goldPath, labels.Rows);
            var summary = LabelingFunctionAnalysis.Analyze(labels, goldLabels, Math.Max(0, parse.GetValue(samples)));
            var report = LabelingFunctionSummaries.Analyze(summary, names);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                CliJson.Write(stdout, report);
            else
                LabelingFunctionSummaries.PrintAnalyze(stdout, report);
            return Task.FromResult(0);
        });
        return command;
    }

    private static LabelingFunctionApplyResult RunApply(LabelingFunctionSet set, string inputPath, string textField, string? previousPath, CancellationToken ct)
    {
        if (!File.Exists(inputPath))
            throw new CliException($"input file '{inputPath}' not found");
        LabelingFunctionPreviousResult? previous = null;
        if (previousPath is not null)
        {
            var (matrix, _) = ReadMatrix(previousPath);
            var fingerprints = FingerprintPath(previousPath);
            if (!File.Exists(fingerprints))
                throw new CliException($"'{fingerprints}' not found; --previous needs the fingerprints file written beside the matrix");
            previous = new LabelingFunctionPreviousResult(matrix, File.ReadAllLines(fingerprints));
            if (previous.Fingerprints.Count != matrix.Columns)
                throw new CliException($"'{fingerprints}' has {previous.Fingerprints.Count} lines, the matrix {matrix.Columns} columns");
        }
        try
        {
            return LabelingFunctionApplier.Apply(set, LabelingFunctionDocumentFileReader.Read(inputPath, textField, set.ReadsFields),
                new LabelingFunctionApplyOptions { ReadAhead = true }, previous, ct);
        }
        catch (LabelingFunctionInputException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    internal static LabelingFunctionSet LoadSet(string path)
    {
        var loaded = LabelingFunctionSetLoader.Load(path);
        if (loaded.Set is { } set)
            return set;
        throw new CliException($"labeling-function set has {loaded.Errors.Count} problem(s):{Environment.NewLine}"
            + string.Join(Environment.NewLine, loaded.Errors.Select(e => "  " + e)));
    }

    internal static (LabelMatrix Matrix, IReadOnlyList<string> Names) ReadMatrix(string path)
    {
        if (!File.Exists(path))
            throw new CliException($"label matrix '{path}' not found");
        try
        {
            return LabelMatrixCsv.Read(path);
        }
        catch (LabelingFunctionInputException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    internal static int[] ReadGold(string path, int rows)
    {
        if (!File.Exists(path))
            throw new CliException($"gold file '{path}' not found");
        try
        {
            var gold = LabelMatrixCsv.ReadGold(path);
            return gold.Length == rows ? gold : throw new CliException($"{path}: {gold.Length} gold rows, but the matrix has {rows}; they must match row for row");
        }
        catch (LabelingFunctionInputException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static string FingerprintPath(string matrixPath) => matrixPath + ".fingerprints";
}
