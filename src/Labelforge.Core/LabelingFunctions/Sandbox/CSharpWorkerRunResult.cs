namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>Votes of one batch, row-major (document × chosen function); <see cref="Faults"/> holds the "Type: message" of each throwing cell, else null.</summary>
public sealed record CSharpWorkerRunResult(short[] Votes, string?[] Faults);
