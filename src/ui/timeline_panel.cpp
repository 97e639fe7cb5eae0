// The timeline: a bar along the top of the map with play, pause, speed and a year slider; the
// current year is drawn large under it, to be read on a shared screen.
#include <algorithm>
#include <cctype>
#include <cfloat>

#include "ui/ui.h"

namespace atlas::ui {

namespace {
// The language switch: EN · ES · FR, each in its own language's code; the view stays as it is.
void language_buttons(UiContext& ui, const std::vector<std::string>& languages, bool same_line) {
    for (const auto& code : languages) {
        if (same_line || &code != &languages.front()) ImGui::SameLine(0, &code == &languages.front() ? -1.0f : 2.0f);
        std::string upper = code;
        for (char& ch : upper) ch = char(std::toupper((unsigned char)ch));
        const bool current = code == ui.atlas.language();
        ImGui::PushStyleColor(ImGuiCol_Button, current ? ui.color4("ui.accent") : ImGui::GetStyleColorVec4(ImGuiCol_Button));
        ImGui::PushStyleColor(ImGuiCol_Text, current ? ui.color4("ui.accentText") : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        if (ImGui::Button((upper + "###lang-" + code).c_str()) && !current) send(ui, {{"type", "language"}, {"lang", code}});
        ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.catalogues->name(code).c_str());
        report_item(ui, "Timeline", "lang-" + code);
    }
}
}  // namespace

// Play, the year, the speed, reduced motion, the link to the view and the languages: in one row
// along the top of the map, or (`narrow`, a phone's sheet) one group per line.
void timeline_body(UiContext& ui, bool narrow) {
    const Atlas& a = ui.atlas;
    const float play_width = std::max({70.0f, ImGui::CalcTextSize(ui.tr("Pause")).x + 20, ImGui::CalcTextSize(ui.tr("Play")).x + 20});
    if (ImGui::Button(ui.title(a.playing() ? "Pause" : "Play").c_str(), ImVec2(play_width, 0)))
        send(ui, {{"type", a.playing() ? "pause" : "play"}});
    report_item(ui, "Timeline", "play");
    ImGui::SameLine();
    int year = a.timeline_year();
    const std::vector<std::string> languages = ui.catalogues ? ui.catalogues->languages() : std::vector<std::string>{};
    // What stands right of the slider, measured with the style's padding (touch screens pad more).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = 2 * style.FramePadding.x, gap = style.ItemSpacing.x;
    const float language_width =
        languages.size() > 1 ? float(languages.size()) * (ImGui::CalcTextSize("ES").x + pad + 2) + gap : 0;
    const float controls = narrow ? 0
                                  : gap + 130 + gap + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                                        ImGui::CalcTextSize(ui.tr("Reduce motion")).x + gap +
                                        (ui.copy_link ? ImGui::CalcTextSize(ui.tr("Link copied")).x + pad + gap : 0) + language_width;
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - controls));
    if (ImGui::SliderInt("##year", &year, a.first_year(), a.last_year(), "%d", ImGuiSliderFlags_AlwaysClamp))
        send(ui, {{"type", "year"}, {"year", year}});
    report_item(ui, "Timeline", "year");
    if (!narrow) ImGui::SameLine();
    static const double speeds[] = {0.5, 1, 2, 4};
    ImGui::SetNextItemWidth(narrow ? ImGui::GetContentRegionAvail().x * 0.5f : 130);
    char number[16];
    std::snprintf(number, sizeof number, "%g", a.speed());
    std::string label = ui.fmt("{speed} years/s", {{"speed", std::string(number)}});
    if (ImGui::BeginCombo("##speed", label.c_str())) {
        for (double v : speeds) {
            std::snprintf(number, sizeof number, "%g", v);
            label = ui.fmt("{speed} years/s", {{"speed", std::string(number)}});
            if (ImGui::Selectable(label.c_str(), v == a.speed())) send(ui, {{"type", "speed"}, {"yearsPerSecond", v}});
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    bool reduce = a.reduced_motion();
    if (ImGui::Checkbox(ui.tr("Reduce motion"), &reduce)) send(ui, {{"type", "reducedMotion"}, {"on", reduce}});
    if (ui.copy_link && ui.state) {  // the whole view as a link (platform: the page's address; natively --view)
        if (!narrow) ImGui::SameLine();
        const bool copied = ui.state->link_copied(ImGui::GetTime());
        if (ImGui::Button((std::string(ui.tr(copied ? "Link copied" : "Copy link")) + "###copy-link").c_str()))
            ui.state->copied_link = ui.copy_link(), ui.state->link_copied_at = ImGui::GetTime();
        report_item(ui, "Timeline", "copy-link");
        if (ImGui::IsItemHovered() && !ui.state->copied_link.empty()) ImGui::SetTooltip("%s", ui.state->copied_link.c_str());
    }
    if (!narrow) language_buttons(ui, languages, true);  // on a phone they are in the search bar
}

void draw_timeline_panel(UiContext& ui) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float left = kSidePanelWidth + 2 * kPanelMargin;
    const float width = display.x - left - kPanelMargin;  // a bar along the top of the map
    ImGui::SetNextWindowPos(ImVec2(left, kPanelMargin), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::Begin("###Timeline", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar);
    timeline_body(ui, false);
    const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    if (ui.state) ui.state->top_bar_bottom = bottom;
    ImGui::End();

    draw_year(ui, ImVec2(left, bottom + 6));  // under the bar
}

void draw_language_buttons(UiContext& ui) {
    if (ui.catalogues && ui.catalogues->languages().size() > 1) language_buttons(ui, ui.catalogues->languages(), false);
}

// The year, large, in a window of its own (so tests and layouts see its rectangle); only while
// the timeline plays or stands before its end.
void draw_year(UiContext& ui, ImVec2 at) {
    const Atlas& a = ui.atlas;
    if (!a.playing() && a.timeline_year() >= a.last_year()) return;
    char text[8];
    std::snprintf(text, sizeof text, "%d", a.timeline_year());
    ImGui::SetNextWindowPos(at, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 2));
    ImGui::Begin("###Year", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                                         ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PushFont(ui.fonts.huge);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.text"));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace atlas::ui
