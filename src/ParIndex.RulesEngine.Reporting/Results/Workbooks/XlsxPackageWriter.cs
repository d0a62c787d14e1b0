using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>
/// Writes an .xlsx package part by part into a zip opened in create mode, so each sheet is
/// compressed into the output while it is written and nothing waits in memory. (The Open XML
/// SDK's own package, on a stream it can read back, works in update mode and holds every part
/// in memory until it closes: a gigabyte for the results of 100,000 agencies.) Sheets are
/// written one after the other (<see cref="AddSheet"/>, then the sheet writer disposed); the
/// workbook, its styles and the package's relationships come last (<see cref="Finish"/>).
/// </summary>
internal sealed class XlsxPackageWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = new();

    /// <param name="output">Where the package goes; left open.</param>
    public XlsxPackageWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>Starts the next sheet; dispose the writer before starting another.</summary>
    public XlsxSheetWriter AddSheet(string name)
    {
        _sheets.Add(name);
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest);
        return new XlsxSheetWriter(entry.Open());
    }

    /// <summary>Writes the workbook (sheets in order, the given defined names), the styles and the relationships.</summary>
    public void Finish(Stylesheet styles, IEnumerable<DefinedName> definedNames)
    {
        var workbook = new Workbook(new Sheets(_sheets.Select((name, i) => new Sheet { Id = $"rId{i + 1}", SheetId = (uint)(i + 1), Name = name })));
        var names = definedNames.ToList();
        if (names.Count > 0) workbook.Append(new DefinedNames(names));
        Part("xl/workbook.xml", workbook);
        Part("xl/styles.xml", styles);
        var relationships = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 0; i < _sheets.Count; i++)
            relationships.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{MainNs}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
        relationships.Append($"<Relationship Id=\"rIdStyles\" Type=\"{MainNs}/styles\" Target=\"styles.xml\"/></Relationships>");
        Text("xl/_rels/workbook.xml.rels", relationships.ToString());
        Text("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{MainNs}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var i = 0; i < _sheets.Count; i++)
            types.Append($"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        Text("[Content_Types].xml", types.Append("</Types>").ToString());
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>A small part given as an element (the workbook, the styles).</summary>
    private void Part(string path, OpenXmlPartRootElement root)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        root.Save(stream);
    }

    private void Text(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" + xml));
    }
}
