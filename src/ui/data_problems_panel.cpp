// What was wrong in the data files: a banner when a whole file could not be used (the map keeps
// the data it had), and a list of every problem, worded as `atlas --check-data` words it.
#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/ui.h"

namespace atlas::ui {

void draw_data_problems_panel(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const auto& problems = a.problems();
    if (problems.empty()) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;

    std::string rejected;  // the banner stays down once dismissed, until other files are rejected
    for (const auto& f : a.rejected_files()) rejected += (rejected.empty() ? "" : ", ") + f;
    if (!rejected.empty() && ui.state && rejected != ui.state->dismissed_banner) {
        const float top = (ui.state ? ui.state->top_bar_bottom : 0) + kPanelMargin;
        ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f + kSidePanelWidth * 0.5f, top), ImGuiCond_Always,
                                ImVec2(0.5f, 0));
        ImGui::SetNextWindowSizeConstraints(ImVec2(300, 0), ImVec2(display.x - kSidePanelWidth - 40, 200));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.62f, 0.10f, 0.10f, 0.96f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.45f, 0.05f, 0.05f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.35f, 0.02f, 0.02f, 1));
        ImGui::Begin("##data-banner", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
        ImGui::TextWrapped("%s", ui.fmt("Could not use: {files}. The map keeps the data it had; see Data problems.", {{"files", rejected}}).c_str());
        if (small_button(ui.tr("Dismiss"))) ui.state->dismissed_banner = rejected;
        ImGui::End();
        ImGui::PopStyleColor(4);
    }

    int errors = 0;
    for (const auto& p : problems) errors += p.severity == Problem::Severity::Error;
    const std::string title = ui.fmt("Data problems: {errors}, {warnings}",
                                     {{"errors", ui.fmt("{n} errors", {{"n", errors}})},
                                      {"warnings", ui.fmt("{n} warnings", {{"n", (long long)problems.size() - errors}})}}) + "###Data problems";
    // Bottom of the map, right of the side panels, clear of the Details panel; as tall as its lines.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height = std::min(display.y * 0.4f, line * float(problems.size() + 5) + 24);
    ImGui::SetNextWindowPos(ImVec2(kSidePanelWidth + 2 * kPanelMargin, display.y - 40), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(std::max(360.0f, display.x - kSidePanelWidth - 3 * kPanelMargin - kDetailsWidth - 12),
                                    height), ImGuiCond_Always);
    ImGui::SetNextWindowCollapsed(errors == 0, ImGuiCond_Appearing);
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_HorizontalScrollbar)) {
        ImGui::TextDisabled("%s", ui.tr("Invalid records were skipped; every valid record is on the map."));
        if (ui.reset_data) {
            if (small_button(ui.tr("Use only the bundled data"))) ui.reset_data();
        }
        ImGui::Separator();
        ImGuiListClipper clipper;  // a broken file may have thousands of problems
        clipper.Begin(int(problems.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& p = problems[i];
                const bool warning = p.severity == Problem::Severity::Warning;
                ImGui::PushStyleColor(ImGuiCol_Text, warning ? ui.color4("ui.warning") : ImVec4(0.80f, 0.10f, 0.10f, 1));
                const std::string text = p.to_string(ui.lang().problem_message(p), ui.tr("warning"));
                ImGui::TextUnformatted(text.c_str());  // one line each: the clipper needs equal heights
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
                    ImGui::TextUnformatted(text.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
    }
    ImGui::End();
}

}  // namespace atlas::ui
