// Kiosk mode's messages to a visitor (core/kiosk.h): the countdown before the map goes back to its
// start, and the invitation to touch while the attract loop plays.
#include <algorithm>
#include <cmath>

#include "ui/ui.h"

namespace atlas::ui {

void draw_kiosk_countdown(UiContext& ui, double seconds_left, double seconds_total) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), display, ui.color("ui.blank", 0.35f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.45f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - 40, 620.0f), 0), ImGuiCond_Always);
    ImGui::Begin("###Kiosk countdown", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", ui.tr("Touch to keep exploring"));
    ImGui::PopFont();
    const long long left = std::max(0LL, (long long)std::ceil(seconds_left));
    ImGui::TextWrapped("%s", ui.fmt("The map goes back to its start in {n} seconds.", {{"n", left}}).c_str());
    // A bar that drains: the time left, to be seen from across a hall.
    const float fraction = float(std::clamp(seconds_left / std::max(1.0, seconds_total), 0.0, 1.0));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = 12;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ui.color("ui.frame"), h / 2);
    dl->AddRectFilled(p, ImVec2(p.x + w * fraction, p.y + h), ui.color("ui.accent"), h / 2);
    ImGui::Dummy(ImVec2(w, h + 4));
    ImGui::End();
}

void draw_kiosk_invitation(UiContext& ui) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const char* text = ui.tr("Touch to explore");
    ImFont* font = ui.fonts.title;
    const ImVec2 size = font->CalcTextSizeA(px(font), 1e9f, 0, text);
    const ImVec2 at((display.x - size.x) * 0.5f, kPanelMargin + 8);
    // A slow breath, so the invitation is noticed without flashing (under 3 times a second).
    const float pulse = 0.75f + 0.25f * float(std::sin(ImGui::GetTime() * 2.0));
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(ImVec2(at.x - 24, at.y - 10), ImVec2(at.x + size.x + 24, at.y + size.y + 10), ui.color("ui.accent", pulse),
                      (size.y + 20) / 2);
    dl->AddText(font, px(font), at, ui.color("ui.accentText"), text);
}

}  // namespace atlas::ui
