using Labelforge.Core.Annotations;
using Labelforge.Core.Items;

namespace Labelforge.Server.Features.Items;

/// <summary>An item with its full annotation history, oldest first.</summary>
public sealed record ItemDetail(ItemView Item, IReadOnlyList<AnnotationView> History);
