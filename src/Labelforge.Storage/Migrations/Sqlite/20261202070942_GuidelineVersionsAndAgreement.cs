using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GuidelineVersionsAndAgreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GuidelineVersion",
                table: "projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "GuidelineVersion",
                table: "annotations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "guideline_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guideline_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guideline_versions_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    DetailsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_events_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_guideline_versions_ProjectId_Version",
                table: "guideline_versions",
                columns: new[] { "ProjectId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_events_ProjectId_Kind_Key",
                table: "project_events",
                columns: new[] { "ProjectId", "Kind", "Key" },
                unique: true);

            // Existing projects: their current text becomes version 1 (as of the project's creation); their existing
            // annotations keep a null version, "made before guidelines had versions".
            migrationBuilder.Sql(
                "INSERT INTO guideline_versions (ProjectId, Version, Text, Author, CreatedAt) SELECT Id, 1, Guidelines, NULL, CreatedAt FROM projects;");
            migrationBuilder.Sql("UPDATE projects SET GuidelineVersion = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "guideline_versions");

            migrationBuilder.DropTable(
                name: "project_events");

            // SQLite drops a plain column in place; EF's DropColumn would rebuild the tables, and rebuilding `annotations`
            // breaks the triggers of other tables that name it.
            migrationBuilder.Sql("ALTER TABLE projects DROP COLUMN GuidelineVersion;");
            migrationBuilder.Sql("ALTER TABLE annotations DROP COLUMN GuidelineVersion;");
        }
    }
}
