using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LabelCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "label_counts",
                columns: table => new
                {
                    LabelId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedId = table.Column<long>(type: "INTEGER", nullable: false),
                    Items = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_counts", x => x.LabelId);
                    table.ForeignKey(
                        name: "FK_label_counts_labels_LabelId",
                        column: x => x.LabelId,
                        principalTable: "labels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_label_counts_ProjectId_ResolvedId",
                table: "label_counts",
                columns: new[] { "ProjectId", "ResolvedId" });
            foreach (var sql in LabelCountsSql.Backfill)
                migrationBuilder.Sql(sql);
            foreach (var sql in LabelCountsSql.Triggers)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in LabelCountsSql.TriggerNames)
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            migrationBuilder.DropTable(
                name: "label_counts");
        }
    }
}
