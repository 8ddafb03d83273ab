namespace Labelforge.Core.LabelingFunctions.Projects.Fitting;

/// <summary>A label's share after a fit: the model's class prior P(Y = label), and how many covered items it now labels so.</summary>
public sealed record LabelingFunctionClassShare(string Label, double Prior, int Predicted);
