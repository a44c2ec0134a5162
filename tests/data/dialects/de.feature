# language: de
Funktionalität: Truppen in Europa
  Szenario: Eine Verringerung unter 76.000 für mehr als 45 Tage ist gesperrt
    Angenommen the date is 2026-03-01
    Wenn the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75,000 for 60 days
    Dann the action is blocked by "Pub. L. 119-60, § 1249"

  Szenario: Mit beiden Bescheinigungen ist sie erlaubt
    Angenommen the date is 2026-03-01
    Und the Secretary of Defense certified the action to the congressional defense committees
    Und the Commander of United States European Command certified the action to the congressional defense committees
    Wenn the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75,000 for 60 days
    Dann the action is permitted
