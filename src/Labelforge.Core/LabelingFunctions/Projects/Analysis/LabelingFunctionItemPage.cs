namespace Labelforge.Core.LabelingFunctions.Projects.Analysis;

/// <summary>One page (1-based) of the items where a function fires, filtered by <see cref="Filter"/>.</summary>
public sealed record LabelingFunctionItemPage(string Function, string Filter, int Page, int PageSize, int Total, IReadOnlyList<LabelingFunctionItemRow> Items);
