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

    static std::string dismissed;  // the banner stays down until other files are rejected
    std::string rejected;
    for (const auto& f : a.rejected_files()) rejected += (rejected.empty() ? "" : ", ") + f;
    if (!rejected.empty() && rejected != dismissed) {
        ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f + kSidePanelWidth * 0.5f, kPanelMargin), ImGuiCond_Always,
                                ImVec2(0.5f, 0));
        ImGui::SetNextWindowSizeConstraints(ImVec2(300, 0), ImVec2(display.x - kSidePanelWidth - 40, 200));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.62f, 0.10f, 0.10f, 0.96f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::Begin("##data-banner", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
        ImGui::TextWrapped("Could not use: %s. The map keeps the data it had; see Data problems.", rejected.c_str());
        if (ImGui::SmallButton("Dismiss")) dismissed = rejected;
        ImGui::End();
        ImGui::PopStyleColor(2);
    }

    int errors = 0;
    for (const auto& p : problems) errors += p.severity == Problem::Severity::Error;
    char title[96];
    std::snprintf(title, sizeof title, "Data problems: %d error%s, %d warning%s###data-problems", errors,
                  errors == 1 ? "" : "s", int(problems.size()) - errors, int(problems.size()) - errors == 1 ? "" : "s");
    ImGui::SetNextWindowPos(ImVec2(display.x - kPanelMargin, display.y - 40), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(560, std::min(300.0f, display.y * 0.4f)), ImGuiCond_Always);
    ImGui::SetNextWindowCollapsed(errors == 0, ImGuiCond_Appearing);
    if (ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_HorizontalScrollbar)) {
        ImGui::TextDisabled("Invalid records were skipped; every valid record is on the map.");
        ImGui::Separator();
        ImGuiListClipper clipper;  // a broken file may have thousands of problems
        clipper.Begin(int(problems.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& p = problems[i];
                const bool warning = p.severity == Problem::Severity::Warning;
                ImGui::PushStyleColor(ImGuiCol_Text, warning ? ImVec4(0.55f, 0.38f, 0.0f, 1) : ImVec4(0.65f, 0.08f, 0.08f, 1));
                ImGui::TextUnformatted(p.to_string().c_str());  // one line each: the clipper needs equal heights
                ImGui::PopStyleColor();
            }
    }
    ImGui::End();
}

}  // namespace atlas::ui
