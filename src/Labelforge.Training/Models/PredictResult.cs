namespace Labelforge.Training.Models;

/// <summary>A prediction run: the version's author, items scored and written now, and the seconds it took.</summary>
public sealed record PredictResult(string Author, int Predicted, double Seconds);
