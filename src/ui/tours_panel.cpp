// Tours (core/tour.h): the list to start one in the side column, and while one runs, its caption
// bar along the bottom of the map: the step's title and caption, progress dots, and the controls
// a presenter's clicker also reaches (PageDown/PageUp, see App::handle_key).
#include <algorithm>

#include "ui/ui.h"

namespace atlas::ui {
namespace {
// One dot per step, the current one filled; a click goes to that step.
void progress_dots(UiContext& ui, const Tour& t, int current) {
    const float r = ImGui::GetTextLineHeight() * 0.22f, gap = r * 3.2f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < int(t.steps.size()); ++i) {
        if (i) ImGui::SameLine(0, 0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("dot", ImVec2(gap, ImGui::GetFrameHeight())))
            send(ui, {{"type", "tour"}, {"id", t.id}, {"step", i + 1}});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.steps[i].title.in(ui.atlas.language()).c_str());
        ImGui::PopID();
        const ImVec2 c(p.x + gap * 0.5f, p.y + ImGui::GetFrameHeight() * 0.5f);
        if (i == current) dl->AddCircleFilled(c, r * 1.3f, ui.color("ui.text"));
        else dl->AddCircle(c, r, ui.color("ui.text", i < current ? 1.0f : 0.6f), 0, 1.5f);
    }
}
}  // namespace

void tours_body(UiContext& ui) {
    const Atlas& a = ui.atlas;
    bool presenter = a.presenter();
    if (ImGui::Checkbox(ui.tr("Presenter mode (P)"), &presenter)) send(ui, {{"type", "presenter"}, {"on", presenter}});
    report_item(ui, "Tours", "presenter");
    if (ui.themes && ui.themes->size() > 1) {  // light, dark for dim halls and dark slides, high contrast
        const Theme* now = ui.theme;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        if (ImGui::BeginCombo(ui.tr("Theme"), now ? now->name.in(a.language()).c_str() : "")) {
            for (const Theme& t : *ui.themes)
                if (ImGui::Selectable(t.name.in(a.language()).c_str(), now && now->id == t.id)) send(ui, {{"type", "theme"}, {"id", t.id}});
            ImGui::EndCombo();
        }
        report_item(ui, "Tours", "theme");
    }
    if (ui.open_console) {
        if (ImGui::Button(ui.tr("Open the presenter console"))) ui.open_console();
        report_item(ui, "Tours", "console");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ui.tr("A second window with the next step, your notes and a clock; share only this one."));
    }
    ImGui::Separator();
    if (a.data().tours.empty()) ImGui::TextDisabled("%s", ui.tr("No tours in the data."));
    for (const Tour& t : a.data().tours) {
        ImGui::PushID(t.id.c_str());
        ImGui::PushFont(ui.fonts.caption);
        ImGui::TextWrapped("%s", t.title.in(a.language()).c_str());
        ImGui::PopFont();
        if (!t.description.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.muted"));
            ImGui::TextWrapped("%s", t.description.in(a.language()).c_str());
            ImGui::PopStyleColor();
        }
        const bool running = a.tour() >= 0 && a.data().tours[a.tour()].id == t.id;
        if (ImGui::Button(ui.tr(running ? "Restart" : "Start")))
            send(ui, {{"type", "tour"}, {"id", t.id}, {"step", 1}});
        report_item(ui, "Tours", "start-" + t.id);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", ui.fmt("{n} steps", {{"n", (long long)t.steps.size()}}).c_str());
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.muted"));
    ImGui::TextWrapped("%s", ui.tr("Keys: PageDown, \u2192 or Space: next; PageUp or \u2190: previous; Home: first; "
                                   "Esc: leave the tour; B: blank the screen"));
    ImGui::PopStyleColor();
}

void draw_tours_panel(UiContext& ui) { side_panel(ui, "Tours", 2, tours_body, /*folded=*/true); }

void draw_tour_bar(UiContext& ui, bool controls) {
    const Atlas& a = ui.atlas;
    const TourStep* step = a.current_step();
    if (!step) {
        if (ui.state) ui.state->tour_bar_height = 0;
        return;
    }
    const Tour& t = a.data().tours[a.tour()];
    const std::string& lang = a.language();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float left = a.presenter() || ui.state == nullptr ? kPanelMargin : float(ui.side_inset) + kPanelMargin;
    const bool compact = ui.state && ui.state->compact;  // above the attribution (and a phone's sheet)
    const float bottom = map_bottom(ui) - (compact ? ui.state->attribution_height : ImGui::GetTextLineHeight() + 18);
    const float width = std::min(display.x - left - kPanelMargin, ImGui::GetFontSize() * 60);
    ImGui::SetNextWindowPos(ImVec2(left + (display.x - left - kPanelMargin - width) * 0.5f, bottom), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.95f);
    ImGui::Begin("###Tour", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                                         ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextDisabled("%s", t.title.in(lang).c_str());
    const std::string counter = ui.fmt("Step {n} of {m}", {{"n", (long long)a.tour_step() + 1}, {"m", (long long)t.steps.size()}});
    ImGui::SameLine(std::max(0.0f, ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(counter.c_str()).x));
    ImGui::TextDisabled("%s", counter.c_str());
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", step->title.in(lang).c_str());
    ImGui::PopFont();
    report_item(ui, "Tour", "title");
    if (!step->caption.empty()) {
        ImGui::PushFont(ui.fonts.caption);
        ImGui::TextWrapped("%s", step->caption.in(lang).c_str());
        ImGui::PopFont();
        report_item(ui, "Tour", "caption");
    }
    progress_dots(ui, t, a.tour_step());
    if (!controls) {
        if (ui.state) ui.state->tour_bar_height = display.y - ImGui::GetWindowPos().y + kPanelMargin;
        ImGui::End();
        return;
    }
    // The controls, at the right of the dots.
    const char* labels[] = {ui.tr("First"), ui.tr("\u25C0 Previous"), ui.tr("Next \u25B6"), ui.tr("Leave the tour")};
    float controls_width = 0;
    for (const char* l : labels) controls_width += ImGui::CalcTextSize(l).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - controls_width));
    const int last = int(t.steps.size()) - 1;
    const std::pair<const char*, const char*> actions[] = {{"first", nullptr}, {"previous", "tourPrev"}, {"next", "tourNext"}, {"exit", "tourExit"}};
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        const bool off = (i < 2 && a.tour_step() == 0) || (i == 2 && a.tour_step() == last);
        ImGui::BeginDisabled(off);
        if (ImGui::Button(labels[i]))
            send(ui, i == 0 ? nlohmann::json{{"type", "tour"}, {"id", t.id}, {"step", 1}} : nlohmann::json{{"type", actions[i].second}});
        ImGui::EndDisabled();
        report_item(ui, "Tour", actions[i].first);
    }
    if (ui.state) ui.state->tour_bar_height = display.y - ImGui::GetWindowPos().y + kPanelMargin;
    ImGui::End();
}

// Presenter mode: what an audience reads, large; the map gets the whole window.
void draw_presenter_overlay(UiContext& ui) {
    const Atlas& a = ui.atlas;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    draw_year(ui, ImVec2(kPanelMargin, kPanelMargin));
    ImGui::SetNextWindowCollapsed(false, ImGuiCond_Once);
    draw_compact_legend(ui, "Presenter legend", ImVec2(display.x - kPanelMargin, kPanelMargin), ImVec2(1, 0), true);
    // A spotlight on the selected city: a ring the audience's eyes find at once.
    if (a.selected() >= 0 && a.is_visible(a.selected())) {
        const Camera& cam = a.camera_controller().current();
        const glm::dvec2 s = cam.to_screen(a.positions()[a.selected()]);
        const ImVec2 c(float(s.x), float(s.y));
        const float r = Atlas::marker_radius(cam.scale / cam.min_scale()) + ImGui::GetFontSize() * 0.9f;
        ImDrawList* bg = ImGui::GetBackgroundDrawList();
        bg->AddCircle(c, r + 4, ui.color("ui.labelHalo"), 0, 7);
        bg->AddCircle(c, r, ui.color("ui.spotlight"), 0, 4);
    }
    if (a.blank()) {  // B: a neutral screen while the presenter talks; B again brings the map back
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), display, ui.color("ui.blank"));
    }
}

void draw_recording_overlay(UiContext& ui, bool tour) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    draw_year(ui, ImVec2(kPanelMargin, kPanelMargin));
    draw_compact_legend(ui, "Recording legend", ImVec2(display.x - kPanelMargin, kPanelMargin), ImVec2(1, 0), true);
    if (tour) draw_tour_bar(ui, false);
    else draw_export_card(ui, ImGui::GetBackgroundDrawList(), true);
}

}  // namespace atlas::ui
