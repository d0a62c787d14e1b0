namespace ParIndex.RulesEngine.Data;

/// <summary>
/// A part of a workbook that opened as a zip could not be read: its compressed bytes do not
/// inflate, its XML is malformed, or it refers to what the workbook lacks. It carries the part's
/// name (<c>/xl/worksheets/sheet1.xml</c>) so the file error can say which part, unlike a file that is
/// no workbook at all. It never leaves the reader: <see cref="XlsxAgencyReader"/> turns it into a
/// file-level diagnostic.
/// </summary>
internal sealed class XlsxPartDamagedException(string part, string? sheet, Exception inner)
    : Exception($"{part}: {inner.Message}", inner)
{
    /// <summary>The part's name inside the package.</summary>
    public string Part { get; } = part;

    /// <summary>The sheet the part holds, when it is a worksheet; null for the workbook or its shared strings.</summary>
    public string? Sheet { get; } = sheet;

    /// <summary>
    /// What reading a part's bytes throws when they are damaged: a bad deflate stream or a CRC
    /// mismatch (<see cref="InvalidDataException"/>), malformed XML, or the SDK refusing the content.
    /// </summary>
    public static bool IsDamage(Exception ex) =>
        ex is InvalidDataException or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or EndOfStreamException
            || (ex is InvalidOperationException or ArgumentException && ex.Source?.StartsWith("DocumentFormat", StringComparison.Ordinal) == true);
}
