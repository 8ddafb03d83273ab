using System.CommandLine;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Fitting;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `--model` of `label-model fit` and `lf apply PROJECT`: help lists the current label model names only, while the
/// former names (label-model, majority) are still accepted and mean the model they became.
/// </summary>
internal static class LabelModelOption
{
    public static Option<string> Create(string description)
    {
        var names = string.Join("|", LabelModels.Names);
        var option = new Option<string>("--model")
        {
            Description = $"{description} One of {string.Join(", ", LabelModels.Names)}.",
            HelpName = names,
            DefaultValueFactory = _ => LabelModels.Default,
            CustomParser = r => r.Tokens is [{ } token] ? LabelModels.Resolve(token.Value) ?? token.Value : LabelModels.Default,
        };
        option.Validators.Add(r =>
        {
            if (r.Tokens is [{ } token] && LabelModels.Resolve(token.Value) is null)
                r.AddError($"Argument '{token.Value}' not recognized. Must be one of:\n\t{string.Join("\n\t", LabelModels.Names.Select(n => $"'{n}'"))}");
        });
        option.CompletionSources.Add(LabelModels.Names.ToArray());
        return option;
    }
}
