using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <summary>
    /// Overlap (several annotators per item, fixed or adaptive) and gold items: queue settings columns (existing rows:
    /// fixed overlap 1, which is the rule before), <c>item_overlaps</c>, <c>gold_items</c>, leases unique per
    /// (item, annotator), and the queue triggers of <see cref="OverlapSql"/>.
    /// </summary>
    public partial class OverlapAndGold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_item_leases_ItemId",
                table: "item_leases");

            migrationBuilder.AddColumn<double>(
                name: "GoldRate",
                table: "queue_settings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "MaxOverlap",
                table: "queue_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "MinOverlap",
                table: "queue_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Overlap",
                table: "queue_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "OverlapMode",
                table: "queue_settings",
                type: "TEXT",
                nullable: false,
                defaultValue: "fixed");

            migrationBuilder.AddColumn<double>(
                name: "TargetConfidence",
                table: "queue_settings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.9);

            migrationBuilder.CreateTable(
                name: "gold_items",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gold_items", x => new { x.ProjectId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_gold_items_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_gold_items_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "item_overlaps",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Needed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_overlaps", x => x.ItemId);
                    table.ForeignKey(
                        name: "FK_item_overlaps_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_item_overlaps_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_leases_ItemId_Annotator",
                table: "item_leases",
                columns: new[] { "ItemId", "Annotator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gold_items_ItemId",
                table: "gold_items",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_item_overlaps_ProjectId",
                table: "item_overlaps",
                column: "ProjectId");

            foreach (var sql in OverlapSql.Up)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in OverlapSql.Down)
                migrationBuilder.Sql(sql);

            migrationBuilder.DropTable(
                name: "gold_items");

            migrationBuilder.DropTable(
                name: "item_overlaps");

            migrationBuilder.DropIndex(
                name: "IX_item_leases_ItemId_Annotator",
                table: "item_leases");

            migrationBuilder.DropColumn(
                name: "GoldRate",
                table: "queue_settings");

            migrationBuilder.DropColumn(
                name: "MaxOverlap",
                table: "queue_settings");

            migrationBuilder.DropColumn(
                name: "MinOverlap",
                table: "queue_settings");

            migrationBuilder.DropColumn(
                name: "Overlap",
                table: "queue_settings");

            migrationBuilder.DropColumn(
                name: "OverlapMode",
                table: "queue_settings");

            migrationBuilder.DropColumn(
                name: "TargetConfidence",
                table: "queue_settings");

            migrationBuilder.CreateIndex(
                name: "IX_item_leases_ItemId",
                table: "item_leases",
                column: "ItemId",
                unique: true);
        }
    }
}
