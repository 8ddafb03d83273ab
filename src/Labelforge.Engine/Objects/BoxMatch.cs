namespace Labelforge.Engine.Objects;

/// <summary>Box <see cref="IndexA"/> of the first set matched to box <see cref="IndexB"/> of the second, with their IoU.</summary>
public readonly record struct BoxMatch(int IndexA, int IndexB, double IoU);
