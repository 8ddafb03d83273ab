namespace Labelforge.Core.Annotations;

/// <summary>A point in pixels of the original image, origin at the top left, x to the right, y down.</summary>
public readonly record struct ImagePoint(double X, double Y);
