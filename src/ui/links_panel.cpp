// Links of the selected city: its partners with kind, year and source. Choosing a partner selects
// it and flies there (a cut with reduced motion).
#include <algorithm>
#include <cstdio>

#include "platform/platform.h"
#include "ui/ui.h"

namespace atlas::ui {

void line_sample(const Network& n) {
    const float h = ImGui::GetTextLineHeight(), w = h * 1.6f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y = p.y + h * 0.5f;
    const int pieces = n.line == "dashed" ? 3 : n.line == "dotted" ? 5 : 1;
    for (int i = 0; i < pieces; ++i) {
        const float x0 = p.x + w * i / pieces, x1 = x0 + w / pieces * (pieces == 1 ? 1.0f : 0.55f);
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), to_imgui(n.color), 3.0f);
    }
}

void links_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    if (a.selected() < 0 || !ui.state) return;
    const Dataset& d = a.data();
    for (int i : a.links_of(a.selected())) {
        const CooperationLink& l = d.links[i];
        const int partner = l.from == a.selected() ? l.to : l.from;
        const Network& n = d.networks[l.network];
        ImGui::PushID(i);
        const bool later = l.year && l.year > a.timeline_year();  // not yet, on the timeline
        if (later) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
        line_sample(n);
        ImGui::SameLine();
        if (ImGui::Selectable(d.cities[partner].local_name.c_str(), false, ImGuiSelectableFlags_AllowItemOverlap)) {
            send(ui, {{"type", "select"}, {"id", d.cities[partner].id}});
            send(ui, {{"type", "flyTo"}, {"id", d.cities[partner].id}});
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ui.fmt("Select {name} and fly there", {{"name", d.cities[partner].local_name}}).c_str());
        const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
        ui.state->items.push_back({"Links", d.cities[partner].id, {r0.x, r0.y, r1.x - r0.x, r1.y - r0.y}});
        ImGui::Indent(ImGui::GetTextLineHeight() * 1.6f + 8);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s%s%s", l.label.empty() ? ui.network_name(n).c_str() : ui.tr(l.label.c_str()), l.year ? ", " : "",
                           l.year ? std::to_string(l.year).c_str() : "");
        ImGui::PopStyleColor();
        for (const auto& s : l.sources) {
            if (s.url.empty()) continue;
            source_link(ui, s, ui.tr("source"), /*wrap=*/false);
            ImGui::SameLine();
        }
        ImGui::NewLine();
        ImGui::Unindent(ImGui::GetTextLineHeight() * 1.6f + 8);
        if (later) ImGui::PopStyleVar();
        ImGui::PopID();
    }
}

void draw_links_panel(UiContext& ui) {
    const Atlas& a = ui.atlas;
    if (a.selected() < 0 || !ui.state) return;
    const std::size_t links = a.links_of(a.selected()).size();
    if (links == 0) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = std::min(ui.state->details_bottom + kPanelMargin, display.y * kLinksTopShare);
    ImGui::SetNextWindowPos(ImVec2(display.x - kPanelMargin, top), ImGuiCond_Always, ImVec2(1, 0));
    // Clear of the map's buttons and the attribution at the bottom right.
    ImGui::SetNextWindowSizeConstraints(ImVec2(kDetailsWidth, 0),
                                        ImVec2(kDetailsWidth, display.y - top - 44 - ImGui::GetFrameHeight() - kPanelMargin));
    char title[64];
    std::snprintf(title, sizeof title, "%s (%d)###Links", ui.tr("Links"), int(links));
    if (ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) links_body(ui);
    ImGui::End();
}

}  // namespace atlas::ui
