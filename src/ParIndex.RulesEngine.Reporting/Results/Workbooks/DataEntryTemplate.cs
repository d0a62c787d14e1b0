using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>
/// The data-entry workbook of a rule set (<c>parindex template</c>), in Vietnamese. Sheet
/// "Nhập liệu": row 1 the column titles (the inputs' titles), row 2 a note per column (unit,
/// limits, allowed values, what an empty cell means), row 3 the input names, hidden, which
/// <see cref="Data.XlsxAgencyReader"/> binds so reading never depends on the titles; one row per
/// agency from row 4, with data validation: drop-down lists for enums and for booleans
/// (Có/Không, which the reader accepts), limits for numbers. Sheet "Hướng dẫn": how to fill it
/// and every criterion with its max points and how it is scored.
/// </summary>
public static class DataEntryTemplate
{
    /// <summary>The data-entry sheet's name; cell addresses in row errors start with it.</summary>
    public const string DataSheetName = "Nhập liệu";

    /// <summary>The instructions sheet's name.</summary>
    public const string InstructionsSheetName = "Hướng dẫn";

    /// <summary>The row of input names (hidden); data starts on the row after it.</summary>
    public const int NamesRow = 3;

    /// <summary>Rows (agencies) the data validation covers.</summary>
    public const int ValidatedRows = 10_000;

    private const string Yes = "Có";
    private const string No = "Không";

    /// <summary>
    /// Writes the template of <paramref name="ruleSet"/> to <paramref name="output"/> (left open)
    /// with asynchronous writes only (a response body): built in a temporary file, then copied.
    /// </summary>
    /// <param name="ruleSet">The rule set whose inputs become the columns.</param>
    /// <param name="output">Where the .xlsx bytes go.</param>
    /// <param name="cancellationToken">Stops building or copying (<see cref="OperationCanceledException"/>).</param>
    public static Task WriteAsync(CompiledRuleSet ruleSet, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return StagedOutput.WriteAsync(staged => Write(ruleSet, staged), output, cancellationToken);
    }

    /// <summary>Writes the template of <paramref name="ruleSet"/> to <paramref name="output"/> (left open).</summary>
    /// <param name="ruleSet">The rule set whose inputs become the columns.</param>
    /// <param name="output">Where the .xlsx bytes go.</param>
    public static void Write(CompiledRuleSet ruleSet, Stream output)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        var definition = ruleSet.Definition;
        var columns = Columns(definition);
        using var package = new XlsxPackageWriter(output);
        using (var sheet = package.AddSheet(DataSheetName)) WriteDataSheet(sheet, columns);
        using (var sheet = package.AddSheet(InstructionsSheetName)) WriteInstructions(sheet, ruleSet);
        var lastColumn = Data.CellReference.ColumnName(columns.Count - 1);
        package.Finish(XlsxStyles.Create(definition.Precision),
        [
            // The input names also as a defined name, for programs and macros that look names up.
            new DefinedName($"'{DataSheetName}'!$A${NamesRow}:${lastColumn}${NamesRow}") { Name = "parindex_inputs" },
            new DefinedName($"'{DataSheetName}'!$1:${NamesRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 },
        ]);
    }

    /// <summary>One column of the sheet: the name the reader binds, its title, its note and its validation.</summary>
    private sealed record TemplateColumn(string Name, string Title, string Note, InputDefinition? Input, double Width);

    private static List<TemplateColumn> Columns(RuleSetDefinition definition)
    {
        var columns = new List<TemplateColumn>
        {
            new(definition.Agency.IdColumn, "Mã đơn vị", "bắt buộc, không trùng", null, 14),
            new(definition.Agency.NameColumn, "Tên đơn vị", "", null, 32),
        };
        foreach (var input in definition.Inputs)
            columns.Add(new(input.Name, input.Title ?? input.Name, Note(input), input, Math.Clamp((input.Title ?? input.Name).Length * 0.9, 12, 40)));
        return columns;
    }

    /// <summary>Unit, limits or values, and what an empty cell means, in the words of the sheet.</summary>
    private static string Note(InputDefinition input)
    {
        string N(double v) => NumberText.Compact(v, CultureInfo.GetCultureInfo("vi-VN"));
        var parts = new List<string>();
        if (input.Unit is { Length: > 0 } unit) parts.Add($"đơn vị: {unit}");
        switch (input.Type)
        {
            case InputType.Number:
                parts.Add((input.Min, input.Max) switch
                {
                    ({ } min, { } max) => $"số từ {N(min)} đến {N(max)}",
                    ({ } min, null) => $"số ≥ {N(min)}",
                    (null, { } max) => $"số ≤ {N(max)}",
                    _ => "số",
                });
                break;
            case InputType.Bool: parts.Add($"{Yes}/{No}"); break;
            case InputType.Enum: parts.Add("một trong: " + string.Join(", ", input.Values)); break;
            default: parts.Add("văn bản"); break;
        }
        parts.Add(input.Missing switch
        {
            MissingPolicy.Error => "bắt buộc",
            MissingPolicy.NotApplicable => "để trống: tiêu chí dùng nó không áp dụng",
            MissingPolicy.Default => $"để trống: lấy {DefaultText(input)}",
            _ => "có thể để trống",
        });
        return string.Join("; ", parts);
    }

    private static string DefaultText(InputDefinition input) => input.Default switch
    {
        bool b => b ? Yes : No,
        double d => NumberText.Compact(d, CultureInfo.GetCultureInfo("vi-VN")),
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("vi-VN")),
        var other => other?.ToString() ?? "",
    };

    private static void WriteDataSheet(XlsxSheetWriter sheet, List<TemplateColumn> columns)
    {
        sheet.Begin(frozenRows: NamesRow, frozenColumns: 2, columns.Select(c => c.Width).ToList(), landscape: true);
        sheet.StartRow();
        foreach (var column in columns) sheet.Text(column.Title, XlsxStyles.Header);
        sheet.StartRow();
        foreach (var column in columns) sheet.Text(column.Note, XlsxStyles.Note);
        sheet.StartRow(hidden: true);
        foreach (var column in columns) sheet.Text(column.Name);
        sheet.End([Validations(columns), .. XlsxSheetWriter.PrintA4Landscape()]);
    }

    /// <summary>Drop-downs for enums and booleans, limits for numbers, over the data rows.</summary>
    private static DataValidations? Validations(List<TemplateColumn> columns)
    {
        var validations = new DataValidations();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Input is not { } input) continue;
            var letter = Data.CellReference.ColumnName(i);
            var range = $"{letter}{NamesRow + 1}:{letter}{NamesRow + ValidatedRows}";
            var title = columns[i].Title;
            var validation = input.Type switch
            {
                InputType.Enum when ListFormula(input.Values) is { } list => List(list, title, "Chọn một trong: " + string.Join(", ", input.Values)),
                InputType.Bool => List($"\"{Yes},{No}\"", title, $"Chọn {Yes} hoặc {No}"),
                InputType.Number => NumberRange(input, title),
                _ => null,
            };
            if (validation is null) continue;
            validation.SequenceOfReferences = new ListValue<StringValue> { InnerText = range };
            validation.AllowBlank = true;
            validation.ShowErrorMessage = true;
            validation.ShowInputMessage = true;
            validation.PromptTitle = Shorten(title, 32);
            validation.ErrorTitle = Shorten(title, 32);
            validations.Append(validation);
        }
        validations.Count = (uint)validations.ChildElements.Count;
        return validations.ChildElements.Count == 0 ? null : validations;
    }

    /// <summary>An explicit list formula ("a,b,c"), or null when the values hold a comma or a quote or are too long for one (Excel's limit is 255 characters).</summary>
    private static string? ListFormula(IReadOnlyList<string> values)
    {
        if (values.Any(v => v.Contains(',') || v.Contains('"'))) return null;
        var list = $"\"{string.Join(",", values)}\"";
        return list.Length <= 255 ? list : null;
    }

    private static DataValidation List(string formula, string title, string prompt) => new(new Formula1(formula))
    {
        Type = DataValidationValues.List,
        Prompt = Shorten(prompt, 255),
        Error = Shorten(prompt, 255),
    };

    private static DataValidation? NumberRange(InputDefinition input, string title)
    {
        if (input.Min is null && input.Max is null) return null;
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string N(double v) => NumberText.Compact(v, CultureInfo.GetCultureInfo("vi-VN"));
        var (op, first, second, text) = (input.Min, input.Max) switch
        {
            ({ } min, { } max) => (DataValidationOperatorValues.Between, F(min), F(max), $"Nhập số từ {N(min)} đến {N(max)}"),
            ({ } min, null) => (DataValidationOperatorValues.GreaterThanOrEqual, F(min), null, $"Nhập số không nhỏ hơn {N(min)}"),
            (null, { } max) => (DataValidationOperatorValues.LessThanOrEqual, F(max), null, $"Nhập số không lớn hơn {N(max)}"),
            _ => throw new InvalidOperationException(),
        };
        var validation = new DataValidation(new Formula1(first)) { Type = DataValidationValues.Decimal, Operator = op, Prompt = text, Error = text };
        if (second is not null) validation.Append(new Formula2(second));
        return validation;
    }

    private static void WriteInstructions(XlsxSheetWriter sheet, CompiledRuleSet ruleSet)
    {
        var definition = ruleSet.Definition;
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        sheet.Begin(frozenRows: 0, frozenColumns: 0, [12, 48, 12, 12, 60, 28], landscape: true);
        sheet.StartRow();
        sheet.Text(definition.Title, XlsxStyles.Title);
        if (definition.LegalBasis is { Length: > 0 } basis)
        {
            sheet.StartRow();
            sheet.Text("Căn cứ: " + basis);
        }
        sheet.StartRow();
        sheet.Text($"Bộ tiêu chí {definition.Id}, phiên bản {definition.Version}.");
        sheet.StartRow();
        sheet.StartRow();
        sheet.Text("Cách nhập liệu", XlsxStyles.Header);
        foreach (var line in new[]
        {
            $"Mỗi đơn vị một dòng trên sheet \"{DataSheetName}\", từ dòng {NamesRow + 1}. Dòng 1 là tên cột, dòng 2 ghi đơn vị, giới hạn và cách để trống.",
            $"Dòng {NamesRow} (ẩn) giữ tên dữ liệu mà phần mềm đọc; không sửa hay xóa dòng này. Có thể đổi tên cột ở dòng 1.",
            $"Ô Có/Không: chọn {Yes} hoặc {No}. Ô có danh sách: chọn trong danh sách. Số thập phân nhập như bình thường trong chương trình bảng tính.",
            "Ô có công thức được đọc theo giá trị đã tính; ô báo lỗi (#DIV/0!, #N/A) làm dòng đó không được chấm điểm và được báo kèm địa chỉ ô.",
        })
        {
            sheet.StartRow();
            sheet.Text(line);
        }
        sheet.StartRow();
        sheet.StartRow();
        foreach (var heading in new[] { "Mã", "Tiêu chí", "Điểm tối đa", "Loại", "Cách chấm", "Đơn vị chịu trách nhiệm" }) sheet.Text(heading, XlsxStyles.Header);
        foreach (var node in ruleSet.Bound.Nodes)
        {
            sheet.StartRow();
            sheet.Text(node.Code);
            sheet.Text(new string(' ', 2 * node.Depth) + node.Definition.Title);
            sheet.Number(node.Max, XlsxStyles.Points);
            sheet.Text(node.Kind switch { CriterionKind.Bonus => "điểm thưởng", CriterionKind.Penalty => "điểm trừ", _ => node.IsLeaf ? "tiêu chí" : "nhóm" });
            sheet.Text(ScoreReport.RuleText(node, culture));
            sheet.Text(string.Join(", ", node.Responsible));
        }
        sheet.End(XlsxSheetWriter.PrintA4Landscape());
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
