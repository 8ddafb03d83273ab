using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Queues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "item_leases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Annotator = table.Column<string>(type: "TEXT", nullable: false),
                    LeasedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_leases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_item_leases_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_item_leases_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_leases_ItemId",
                table: "item_leases",
                column: "ItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_item_leases_ProjectId_Annotator",
                table: "item_leases",
                columns: new[] { "ProjectId", "Annotator" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "item_leases");
        }
    }
}
