using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annotator_counts",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", nullable: false),
                    LabeledItems = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annotator_counts", x => new { x.ProjectId, x.Author });
                    table.ForeignKey(
                        name: "FK_annotator_counts_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_counts",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Items = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnotatedItems = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedItems = table.Column<long>(type: "INTEGER", nullable: false),
                    GivenItems = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_counts", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_project_counts_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // WITHOUT ROWID: the (ProjectId, ItemId) key is the table itself, one b-tree fewer to maintain per item.
            migrationBuilder.Sql("CREATE TABLE undecided_items (ProjectId INTEGER NOT NULL, ItemId INTEGER NOT NULL, RandomKey INTEGER NOT NULL, " +
                "CONSTRAINT PK_undecided_items PRIMARY KEY (ProjectId, ItemId)) WITHOUT ROWID;");
            migrationBuilder.CreateIndex(
                name: "IX_undecided_items_ProjectId_RandomKey",
                table: "undecided_items",
                columns: new[] { "ProjectId", "RandomKey" });
            foreach (var sql in QueueCountsSql.Backfill)
                migrationBuilder.Sql(sql);
            foreach (var sql in QueueCountsSql.Triggers)
                migrationBuilder.Sql(sql);
            foreach (var sql in ItemSearchSql.Create)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in ItemSearchSql.Drop)
                migrationBuilder.Sql(sql);
            foreach (var name in QueueCountsSql.TriggerNames)
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            migrationBuilder.DropTable(
                name: "annotator_counts");

            migrationBuilder.DropTable(
                name: "project_counts");

            migrationBuilder.DropTable(
                name: "undecided_items");
        }
    }
}
