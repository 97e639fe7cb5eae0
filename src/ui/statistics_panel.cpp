// Statistics: members per year, stacked by creative field (and the other city groups), with the
// timeline's year marked; and the counts for the current filters.
#include <algorithm>
#include <cstdio>

#include "ui/ui.h"

namespace atlas::ui {

void statistics_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    if (!ui.state) return;
    // Recomputed only when the filters change (the atlas revision also moves with fades).
    UiState& st = *ui.state;
    const Filter& f = a.filter();
    if (st.stats_atlas != &a || f.fields != st.stats_filter.fields || f.networks != st.stats_filter.networks ||
        f.region != st.stats_filter.region || f.include_former != st.stats_filter.include_former) {
        st.stats = members_per_year(a.data(), f);
        st.stats_atlas = &a;
        st.stats_filter = f;
    }
    const MembersPerYear& stats = st.stats;
    ImGui::TextUnformatted(ui.fmt("Shown now: {cities}, {links}",
                                  {{"cities", ui.fmt("{n} cities", {{"n", a.counts().visible}})},
                                   {"links", ui.fmt("{n} links", {{"n", (long long)a.drawn_links().size()}})}}).c_str());
    ImGui::TextDisabled("%s", ui.tr("Members by year (cumulative), stacked by field"));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = 150;
    ImGui::Dummy(ImVec2(w, h + 18));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int years = stats.last_year - stats.first_year + 1;
    int peak = 1;
    for (int y = stats.first_year; y <= stats.last_year; ++y) peak = std::max(peak, stats.total(y));
    const float bar = w / float(years);
    for (int i = 0; i < years; ++i) {
        float base = origin.y + h;
        for (std::size_t s = 0; s < stats.series.size(); ++s) {
            const float height = h * float(stats.cumulative[i][s]) / float(peak);
            if (height <= 0) continue;
            dl->AddRectFilled(ImVec2(origin.x + i * bar + 0.5f, base - height), ImVec2(origin.x + (i + 1) * bar - 0.5f, base),
                              to_imgui(stats.series[s].color));
            base -= height;
        }
    }
    const int year = a.timeline_year();
    if (year >= stats.first_year && year <= stats.last_year) {
        const float x = origin.x + (year - stats.first_year + 0.5f) * bar;
        dl->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + h), ui.color("ui.text", 0.8f), 1.5f);
    }
    char label[16];
    for (int y : {stats.first_year, 2004, stats.last_year}) {
        if (y < stats.first_year || y > stats.last_year) continue;
        std::snprintf(label, sizeof label, "%d", y);
        const float x = std::min(origin.x + (y - stats.first_year) * bar, origin.x + w - ImGui::CalcTextSize(label).x);
        dl->AddText(ImVec2(x, origin.y + h + 2), ui.color("ui.muted"), label);
    }
    std::snprintf(label, sizeof label, "%d", peak);
    dl->AddText(ImVec2(origin.x + 2, origin.y), ui.color("ui.muted"), label);
    if (ImGui::BeginTable("counts", 2)) {
        for (std::size_t s = 0; s < stats.series.size(); ++s) {
            ImGui::TableNextColumn();
            const int at = std::clamp(year, stats.first_year, stats.last_year) - stats.first_year;
            ImGui::ColorButton("##c", ImVec4(stats.series[s].color.r, stats.series[s].color.g, stats.series[s].color.b, 1),
                               ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
            ImGui::SameLine();
            const Series& series = stats.series[s];
            const std::string& name = series.field >= 0 ? ui.field_name(a.data().fields[series.field])
                                    : series.network >= 0 ? ui.network_name(a.data().networks[series.network]) : series.name;
            ImGui::Text("%s %s", name.c_str(), ui.lang().number(stats.cumulative[at][s]).c_str());
        }
        ImGui::EndTable();
    }
}

void draw_statistics_panel(UiContext& ui) { side_panel(ui, "Statistics", 0, statistics_body, /*folded=*/true); }  // the last of the column

}  // namespace atlas::ui
