using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>Writes an improvement plan as plain text for a terminal or a file (Vietnamese headings, invariant numbers).</summary>
public static class PlanTableWriter
{
    /// <summary>Writes the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ImprovementPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        string N(double value) => double.IsNaN(value) ? "—" : Format.Number(value);
        var scope = plan.WithinGroup ? $"trong nhóm {DisplayText.Escape(plan.Group)}" : "toàn bộ";
        output.WriteLine($"Kế hoạch cải thiện: {DisplayText.Escape(plan.AgencyId)} {DisplayText.Escape(plan.Name ?? "")}".TrimEnd());
        output.WriteLine($"Hiện tại: {N(plan.Total)}/{N(plan.MaxPoints)} điểm = {N(plan.Percent)}%, hạng {plan.Rank}/{plan.Compared} ({scope})");
        output.WriteLine($"Mục tiêu: {TargetText(plan.Target)} → cần {N(plan.RequiredPercent)}% = {N(plan.RequiredTotal)} điểm" +
            (plan.TargetRank is { } rank ? $" (hạng {rank})" : " (không đạt được kể cả khi đạt điểm tối đa)"));
        output.WriteLine(plan.IsReached ? "Số điểm cần tăng: 0 (đã đạt mục tiêu)" : $"Số điểm cần tăng: {N(plan.PointsNeeded)} (điểm của các đơn vị khác giữ nguyên; bằng tỷ lệ thì cùng hạng)");
        output.WriteLine();
        output.WriteLine("Tiêu chí chưa đạt điểm tối đa (điểm có thể tăng, cao nhất trước):");
        output.WriteLine("Mã      Điểm     Tối đa   Có thể tăng  Tăng tổng  Đơn vị chịu trách nhiệm");
        foreach (var c in plan.Criteria)
            output.WriteLine($"{Cell(c.Code, 7)} {Cell(N(c.Points), 8)} {Cell(N(c.MaxPoints), 8)} {Cell(N(c.Recoverable), 12)} {Cell(N(c.TotalGain), 10)} {DisplayText.Escape(c.Responsible.Count == 0 ? "(chưa phân công)" : string.Join("; ", c.Responsible))}");
        output.WriteLine();
        if (plan.Recovery is { } recovery)
            output.WriteLine($"Ít tiêu chí nhất để đạt mục tiêu ({recovery.Codes.Count}{(recovery.OnlyAssigned ? ", chỉ tiêu chí đã phân công" : "")}{(recovery.IsProvenMinimal ? "" : ", chưa chứng minh là ít nhất")}): {string.Join(", ", recovery.Codes.Select(c => DisplayText.Escape(c)))}" +
                $" → {N(recovery.Total)} điểm = {N(recovery.Percent)}%, hạng {recovery.Rank}");
        else if (!plan.IsReached)
            output.WriteLine("Không có tập tiêu chí nào đủ để đạt mục tiêu kể cả khi đạt điểm tối đa.");
        if (plan.Targets.Count == 0) return;
        output.WriteLine();
        output.WriteLine("So với mục tiêu trong bộ tiêu chí:");
        foreach (var t in plan.Targets)
            output.WriteLine($"{Cell(t.Code, 7)} {Cell(N(t.Points), 8)} / mục tiêu {Cell(N(t.TargetPoints), 6)} {(t.IsMet ? "đạt" : $"thiếu {N(t.Missing)}")}  {DisplayText.Escape(t.Title)}");
    }

    internal static string TargetText(PlanTarget target) => target.Kind switch
    {
        PlanTargetKind.Rank => $"hạng {Format.Number(target.Value)}",
        PlanTargetKind.Total => $"{Format.Number(target.Value)} điểm",
        _ => $"{Format.Number(target.Value)}%",
    };

    private static string Cell(string text, int width) => DisplayText.Escape(text).PadRight(width);
}
