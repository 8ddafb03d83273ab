namespace Labelforge.Core.Annotations;

/// <summary>An axis-aligned box in pixels of the original image: top-left corner, width and height.</summary>
public readonly record struct ImageBox(double X, double Y, double Width, double Height);
