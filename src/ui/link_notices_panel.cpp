// Which parts of an opened link (or an applied view) were skipped and why: a small banner under
// the timeline, so that a visitor knows the map shows less than the link asked for.
#include "ui/ui.h"

namespace atlas::ui {

void draw_link_notices_panel(UiContext& ui) {
    const auto& notices = ui.atlas.view_notices();
    if (notices.empty() || !ui.state || notices == ui.state->dismissed_notices) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f + kSidePanelWidth * 0.5f, ui.state->top_bar_bottom + kPanelMargin),
                            ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(300, 0), ImVec2(display.x - kSidePanelWidth - 40, display.y * 0.4f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.color4("ui.panel"));
    ImGui::PushStyleColor(ImGuiCol_Border, ui.color4("ui.warning"));
    ImGui::Begin("##link-notices", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted(ui.tr("Parts of the link could not be used; the rest is shown:"));
    constexpr std::size_t kShown = 6;
    for (std::size_t i = 0; i < notices.size() && i < kShown; ++i) ImGui::BulletText("%s", notices[i].c_str());
    if (notices.size() > kShown) ImGui::TextDisabled("%s", ui.fmt("and {n} more", {{"n", (long long)(notices.size() - kShown)}}).c_str());
    if (small_button(ui.tr("Dismiss"))) ui.state->dismissed_notices = notices;
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace atlas::ui
