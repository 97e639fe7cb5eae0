// The timeline: a bar along the top of the map with play, pause, speed and a year slider; the
// current year is drawn large under it, to be read on a shared screen.
#include <algorithm>
#include <cfloat>

#include "ui/ui.h"

namespace atlas::ui {

void draw_timeline_panel(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float left = kSidePanelWidth + 2 * kPanelMargin;
    const float width = display.x - left - kPanelMargin;  // a bar along the top of the map
    ImGui::SetNextWindowPos(ImVec2(left, kPanelMargin), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar);
    if (ImGui::Button(a.playing() ? "Pause" : "Play", ImVec2(70, 0)))
        send(ui, {{"type", a.playing() ? "pause" : "play"}});
    ImGui::SameLine();
    int year = a.timeline_year();
    const float controls = 110 + ImGui::CalcTextSize("Reduce motion").x + ImGui::GetFrameHeight() + 40 +
                           (ui.copy_link ? ImGui::CalcTextSize("Link copied").x + 30 : 0);
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - controls));
    if (ImGui::SliderInt("##year", &year, a.first_year(), a.last_year(), "%d", ImGuiSliderFlags_AlwaysClamp))
        send(ui, {{"type", "year"}, {"year", year}});
    ImGui::SameLine();
    static const double speeds[] = {0.5, 1, 2, 4};
    ImGui::SetNextItemWidth(110);
    char label[32];
    std::snprintf(label, sizeof label, "%g years/s", a.speed());
    if (ImGui::BeginCombo("##speed", label)) {
        for (double v : speeds) {
            std::snprintf(label, sizeof label, "%g years/s", v);
            if (ImGui::Selectable(label, v == a.speed())) send(ui, {{"type", "speed"}, {"yearsPerSecond", v}});
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    bool reduce = a.reduced_motion();
    if (ImGui::Checkbox("Reduce motion", &reduce)) send(ui, {{"type", "reducedMotion"}, {"on", reduce}});
    if (ui.copy_link && ui.state) {  // the whole view as a link (platform: the page's address; natively --view)
        ImGui::SameLine();
        const bool copied = ImGui::GetTime() - ui.state->link_copied_at < 2.5;
        if (ImGui::Button(copied ? "Link copied###copy-link" : "Copy link###copy-link"))
            ui.state->copied_link = ui.copy_link(), ui.state->link_copied_at = ImGui::GetTime();
        report_item(ui, "Timeline", "copy-link");
        if (ImGui::IsItemHovered() && !ui.state->copied_link.empty())
            ImGui::SetTooltip("%s", ui.state->copied_link.c_str());
    }
    const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    if (ui.state) ui.state->top_bar_bottom = bottom;
    ImGui::End();

    // The year, large, under the timeline; only while the timeline is not at its end.
    if (a.playing() || a.timeline_year() < a.last_year()) {
        char text[8];
        std::snprintf(text, sizeof text, "%d", a.timeline_year());
        ImFont* font = ui.fonts.huge;
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
        const ImVec2 at(left + 8, bottom + 6);
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        dl->AddRectFilled(ImVec2(at.x - 8, at.y - 2), ImVec2(at.x + size.x + 8, at.y + size.y + 2), IM_COL32(255, 255, 255, 190), 8);
        dl->AddText(font, font->FontSize, at, IM_COL32(30, 34, 46, 255), text);
    }
}

}  // namespace atlas::ui
