using Labelforge.Core.Accounts;
using Labelforge.Core.Annotations;
using Labelforge.Core.Consensus;
using Labelforge.Core.Audit;
using Labelforge.Core.Counts;
using Labelforge.Core.Erasure;
using Labelforge.Core.Events;
using Labelforge.Core.Guidelines;
using Labelforge.Core.Import;
using Labelforge.Core.Gold;
using Labelforge.Core.Items;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.Models;
using Labelforge.Core.Projects;
using Labelforge.Core.Privacy;
using Labelforge.Core.Queues;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Data;

/// <summary>
/// The one DbContext. Provider-neutral: Labelforge.Storage chooses SQLite or PostgreSQL and owns the
/// migrations. Timestamps are stored as Unix milliseconds so every provider can order and compare them.
/// </summary>
public sealed class LabelforgeDb(DbContextOptions<LabelforgeDb> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<TaxonomyChange> TaxonomyChanges => Set<TaxonomyChange>();

    public DbSet<GuidelineVersion> GuidelineVersions => Set<GuidelineVersion>();

    public DbSet<ProjectEvent> ProjectEvents => Set<ProjectEvent>();

    public DbSet<Item> Items => Set<Item>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<AnnotationLabel> AnnotationLabels => Set<AnnotationLabel>();

    public DbSet<ItemLease> ItemLeases => Set<ItemLease>();

    public DbSet<ItemSkip> ItemSkips => Set<ItemSkip>();

    public DbSet<QueueSettings> QueueSettings => Set<QueueSettings>();

    public DbSet<ItemOverlap> ItemOverlaps => Set<ItemOverlap>();

    public DbSet<GoldItem> GoldItems => Set<GoldItem>();

    public DbSet<QueueRank> QueueRanks => Set<QueueRank>();

    public DbSet<QueueModelState> QueueModelStates => Set<QueueModelState>();

    public DbSet<UndecidedItem> UndecidedItems => Set<UndecidedItem>();
    public DbSet<UndecidedRange> UndecidedRanges => Set<UndecidedRange>();

    public DbSet<ProjectCounts> ProjectCounts => Set<ProjectCounts>();

    public DbSet<AnnotatorCounts> AnnotatorCounts => Set<AnnotatorCounts>();

    public DbSet<LabelCounts> LabelCounts => Set<LabelCounts>();

    public DbSet<LabelingFunctionSetVersion> LabelingFunctionSetVersions => Set<LabelingFunctionSetVersion>();

    public DbSet<LabelingFunctionMatrixRow> LabelingFunctionMatrixRows => Set<LabelingFunctionMatrixRow>();

    public DbSet<LabelingFunctionMatrixState> LabelingFunctionMatrixStates => Set<LabelingFunctionMatrixState>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<ConsensusRun> ConsensusRuns => Set<ConsensusRun>();

    public DbSet<ConsensusAnnotatorQuality> ConsensusAnnotatorQuality => Set<ConsensusAnnotatorQuality>();

    public DbSet<ConsensusSettings> ConsensusSettings => Set<ConsensusSettings>();
    public DbSet<Tombstone> Tombstones => Set<Tombstone>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<PiiSettings> PiiSettings => Set<PiiSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.HasIndex(p => p.Name).IsUnique();
        });
        modelBuilder.Entity<Label>(e =>
        {
            e.ToTable("labels");
            e.HasIndex(l => new { l.ProjectId, l.Name });
            e.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.Property(l => l.Status).HasConversion<string>();
        });
        modelBuilder.Entity<TaxonomyChange>(e =>
        {
            e.ToTable("taxonomy_changes");
            e.HasIndex(c => new { c.ProjectId, c.Version }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GuidelineVersion>(e =>
        {
            e.ToTable("guideline_versions");
            e.HasIndex(g => new { g.ProjectId, g.Version }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(g => g.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectEvent>(e =>
        {
            e.ToTable("project_events");
            e.HasIndex(x => new { x.ProjectId, x.Kind, x.Key }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Item>(e =>
        {
            e.ToTable("items");
            // Identity keys (see Item.ContentKey). Partial indexes: the external id index holds only rows with one,
            // the content-key index only items identified by their content (a text item with an external id is
            // identified by that id and indexed once, not twice), and the full-hash index only the rare items of
            // content identity whose 8-byte key collided.
            e.HasIndex(i => new { i.ProjectId, i.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
            e.HasIndex(i => new { i.ProjectId, i.ContentKey }).IsUnique().HasFilter("\"ContentKey\" IS NOT NULL");
            e.HasIndex(i => new { i.ProjectId, i.ContentHash }).IsUnique().HasFilter("\"ContentKey\" IS NULL AND \"ExternalId\" IS NULL");
            e.HasIndex(i => new { i.ProjectId, i.Id }); // project items in id order without a sort (exports, paging)
            e.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ImportBatch>(e =>
        {
            e.ToTable("import_batches");
            e.HasOne<Project>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Annotation>(e =>
        {
            e.ToTable("annotations");
            e.HasIndex(a => new { a.ItemId, a.Author, a.Id });
            e.HasIndex(a => new { a.ProjectId, a.Id });
            // A request id is its author's idempotency key: unique per author, so one person's id never meets another's.
            e.HasIndex(a => new { a.ProjectId, a.Author, a.RequestId }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Item>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AnnotationLabel>(e =>
        {
            e.ToTable("annotation_labels");
            e.HasKey(x => new { x.AnnotationId, x.LabelId });
            e.HasIndex(x => new { x.ProjectId, x.LabelId, x.ItemId });
            e.HasOne<Annotation>().WithMany().HasForeignKey(x => x.AnnotationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ItemSkip>(e =>
        {
            e.ToTable("item_skips");
            e.HasIndex(s => new { s.ProjectId, s.Annotator, s.ItemId }).IsUnique();
            e.HasIndex(s => s.ItemId);
            e.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Item>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ItemLease>(e =>
        {
            e.ToTable("item_leases");
            e.HasIndex(l => new { l.ItemId, l.Annotator }).IsUnique();
            e.HasIndex(l => new { l.ProjectId, l.Annotator });
            e.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Item>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        OnLabelingFunctionsCreating(modelBuilder);
        modelBuilder.Entity<ModelVersion>(e =>
        {
            e.ToTable("models");
            e.HasIndex(m => new { m.ProjectId, m.Name, m.Version }).IsUnique();
            e.Ignore(m => m.Author);
            e.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        OnQueuesCreating(modelBuilder);
        OnCountsCreating(modelBuilder);
        OnAccountsCreating(modelBuilder);
        OnConsensusCreating(modelBuilder);
        OnErasureAndAuditCreating(modelBuilder);
    }

    private static void OnErasureAndAuditCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tombstone>(e =>
        {
            e.ToTable("tombstones");
            e.HasIndex(x => new { x.ProjectId, x.ExternalIdHash });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        // Append-only: the SQLite migration adds triggers that refuse UPDATE and DELETE. No foreign keys, so deleting a
        // project or a user keeps what the log says about them.
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.ProjectId, x.Id });
        });
    }

    private static void OnAccountsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.Name).IsUnique();
            e.Property(u => u.Role).HasConversion<string>();
        });
        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.Property(t => t.Kind).HasConversion<string>();
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectMember>(e =>
        {
            e.ToTable("project_members");
            e.HasKey(m => new { m.ProjectId, m.UserId });
            e.HasIndex(m => m.UserId);
            e.Property(m => m.Role).HasConversion<string>();
            e.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    // Maintained by the store in the same transaction as the writes they count (SQLite: triggers in the migrations).
    private static void OnCountsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UndecidedItem>(e =>
        {
            e.ToTable("undecided_items");
            e.HasKey(x => new { x.ProjectId, x.RandomKey, x.ItemId });
        });
        modelBuilder.Entity<UndecidedRange>(e =>
        {
            e.ToTable("undecided_ranges");
            e.HasKey(x => new { x.ProjectId, x.FirstId });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectCounts>(e =>
        {
            e.ToTable("project_counts");
            e.HasKey(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AnnotatorCounts>(e =>
        {
            e.ToTable("annotator_counts");
            e.HasKey(x => new { x.ProjectId, x.Author });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LabelCounts>(e =>
        {
            e.ToTable("label_counts");
            e.HasKey(x => x.LabelId);
            e.Property(x => x.LabelId).ValueGeneratedNever();
            e.HasIndex(x => new { x.ProjectId, x.ResolvedId });
            e.HasOne<Label>().WithMany().HasForeignKey(x => x.LabelId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void OnConsensusCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsensusRun>(e =>
        {
            e.ToTable("consensus_runs");
            e.HasIndex(x => new { x.ProjectId, x.Id });
            e.Ignore(x => x.Author);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ConsensusAnnotatorQuality>(e =>
        {
            e.ToTable("consensus_annotator_quality");
            e.HasKey(x => new { x.RunId, x.Annotator });
            e.HasOne<ConsensusRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ConsensusSettings>(e =>
        {
            e.ToTable("consensus_settings");
            e.HasKey(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void OnQueuesCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QueueSettings>(e =>
        {
            e.ToTable("queue_settings");
            e.HasKey(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ItemOverlap>(e =>
        {
            e.ToTable("item_overlaps");
            e.HasKey(x => x.ItemId);
            e.Property(x => x.ItemId).ValueGeneratedNever();
            e.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GoldItem>(e =>
        {
            e.ToTable("gold_items");
            e.HasKey(x => new { x.ProjectId, x.ItemId });
            e.HasIndex(x => x.ItemId);
            e.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PiiSettings>(e =>
        {
            e.ToTable("pii_settings");
            e.HasKey(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QueueRank>(e =>
        {
            e.ToTable("queue_ranks");
            e.HasKey(x => x.ItemId); // an item belongs to one project, so it has at most one rank
            e.HasIndex(x => new { x.ProjectId, x.Rank });
            e.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QueueModelState>(e =>
        {
            e.ToTable("queue_model_states");
            e.HasKey(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void OnLabelingFunctionsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LabelingFunctionSetVersion>(e =>
        {
            e.ToTable("lf_set_versions");
            e.HasIndex(v => new { v.ProjectId, v.Name, v.Version }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LabelingFunctionMatrixState>(e =>
        {
            e.ToTable("lf_matrix_states");
            e.HasKey(x => new { x.ProjectId, x.SetName });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LabelingFunctionMatrixRow>(e =>
        {
            e.ToTable("lf_matrix_rows");
            e.HasKey(x => new { x.ProjectId, x.SetName, x.ItemId });
            e.HasOne<Item>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
