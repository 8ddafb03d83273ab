using System.Runtime.CompilerServices;
using System.Text.Json;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Demo;

/// <summary>
/// The demo project `serve --demo` creates when missing: product-review sentiment with a small taxonomy,
/// guidelines and a sample of reviews composed here, so nothing has to be downloaded.
/// </summary>
public static class DemoProject
{
    public const string Name = "demo-reviews";

    public static async Task<Project> EnsureAsync(LabelforgeDb db, ProjectOperations projects, ImportOperations imports, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(imports);
        if (await db.Projects.FirstOrDefaultAsync(p => p.Name == Name, ct) is { } existing)
            return existing;
        var project = await projects.CreateAsync(new NewProject(Name,
            Labels: ["positive", "negative", "neutral"], Guidelines: Guidelines), ct);
        await imports.ImportAsync(project.Id, "demo", ImportFormat.Jsonl, Rows(ct), new ImportOptions(), ct: ct);
        return project;
    }

    private const string Guidelines = """
        # Review sentiment

        Label the **overall opinion** of the reviewer about the product.

        * **positive**: the reviewer would recommend it, even with small complaints.
        * **negative**: the reviewer regrets the purchase or warns others.
        * **neutral**: facts only, or praise and complaints in balance.

        Ignore opinions about the shop or the delivery unless they are the whole review.
        """;

    private static readonly string[] Products = ["kettle", "headphones", "backpack", "desk lamp", "coffee grinder", "keyboard", "rain jacket", "blender"];

    private static readonly string[] Positive =
    [
        "The {0} works perfectly and looks great on my desk.", "Best {0} I have owned, worth every penny.",
        "Sturdy {0}, arrived quickly, would buy again.", "I use this {0} every day and it still feels new.",
    ];

    private static readonly string[] Negative =
    [
        "The {0} broke after two weeks. Avoid.", "Cheap plastic {0}; it stopped working on day three.",
        "Returned the {0}: noisy and nothing like the photos.", "Terrible {0}, the worst purchase this year.",
    ];

    private static readonly string[] Neutral =
    [
        "The {0} came in a blue box with a manual.", "It is a {0}. It does what a {0} does.",
        "Ordered the {0} in black; the grey one was sold out.", "The {0} is smaller than I expected but fine.",
    ];

#pragma warning disable CS1998 // the sample is in memory; the importer takes an async stream
    private static async IAsyncEnumerable<ImportEntry> Rows([EnumeratorCancellation] CancellationToken ct)
    {
        var line = 0;
        foreach (var product in Products)
        {
            foreach (var template in Positive.Concat(Negative).Concat(Neutral))
            {
                ct.ThrowIfCancellationRequested();
                line++;
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, product);
                var id = $"review-{line:D3}";
                var data = JsonSerializer.Serialize(new { text, id, product });
                yield return ImportEntry.Ok(new ImportRecord("demo", line, id, text, data, []));
            }
        }
    }
#pragma warning restore CS1998
}
