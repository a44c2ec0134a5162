# language: fr
Fonctionnalité: Retrait du Traité de l'Atlantique Nord
  Règles de la maison: les phrases restent en anglais, les mots-clés suivent la langue.

  Scénario: Un retrait sans le Congrès est interdit
    Soit the date is 2026-03-01
    Quand the President proposes to withdraw the United States from the North Atlantic Treaty
    Alors the action is blocked by "22 U.S.C. 1928f(a)"

  Scénario: Avec une loi du Congrès, la consultation et le préavis, il est permis
    Soit the date is 2026-03-01
    Et an Act of Congress authorizes the action
    Et the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    Et the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
    Quand the President proposes to withdraw the United States from the North Atlantic Treaty
    Alors the action is permitted
