// office-addin-mock only needs this enum from office-addin-manifest, whose ESM-only dependencies
// jest cannot load on Node 20.
exports.OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
