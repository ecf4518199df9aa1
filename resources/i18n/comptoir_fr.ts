<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AbandonPanel</name>
    <message>
        <source>Abandon this order?</source>
        <translation>Abandonner cette commande ?</translation>
    </message>
    <message>
        <source>What you have typed will be forgotten.</source>
        <translation>Ce que vous avez tapé sera oublié.</translation>
    </message>
    <message>
        <source>Yes, abandon</source>
        <translation>Oui, abandonner</translation>
    </message>
    <message>
        <source>No, carry on</source>
        <translation>Non, continuer</translation>
    </message>
</context>
<context>
    <name>AssociationForm</name>
    <message>
        <source>Association&apos;s name</source>
        <translation>Nom de l’association</translation>
    </message>
    <message>
        <source>As registered: it heads every invoice and ticket.</source>
        <translation>Tel que déclaré : il figure en tête de chaque facture et ticket.</translation>
    </message>
    <message>
        <source>Association&apos;s address</source>
        <translation>Adresse de l’association</translation>
    </message>
    <message>
        <source>The registered office&apos;s address, printed on invoices.</source>
        <translation>L’adresse du siège, imprimée sur les factures.</translation>
    </message>
    <message>
        <source>Phone of the counter</source>
        <translation>Téléphone du comptoir</translation>
    </message>
    <message>
        <source>Optional. Shown to residents who touch “Need help?” and when the kiosk is out of order.</source>
        <translation>Facultatif. Montré aux habitants qui touchent « Besoin d’aide ? » et quand le kiosque est hors service.</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>14 digits, on the association&apos;s INSEE notice (avis de situation).</source>
        <translation>14 chiffres, sur l’avis de situation INSEE de l’association.</translation>
    </message>
    <message>
        <source>SAP declaration number</source>
        <translation>N° de déclaration SAP</translation>
    </message>
    <message>
        <source>&apos;SAP&apos; then 9 digits, as on the declaration&apos;s receipt.</source>
        <translation>« SAP » puis 9 chiffres, comme sur le récépissé de déclaration.</translation>
    </message>
    <message>
        <source>SAP declaration date</source>
        <translation>Date de la déclaration SAP</translation>
    </message>
    <message>
        <source>The day the declaration was registered, DD/MM/YYYY.</source>
        <translation>Le jour où la déclaration a été enregistrée, JJ/MM/AAAA.</translation>
    </message>
    <message>
        <source>VAT mention</source>
        <translation>Mention de TVA</translation>
    </message>
    <message>
        <source>The VAT sentence every invoice carries (most associations: exempt).</source>
        <translation>La phrase sur la TVA portée par chaque facture (la plupart des associations : exonérées).</translation>
    </message>
    <message>
        <source>Intervention mode</source>
        <translation>Mode d’intervention</translation>
    </message>
    <message>
        <source>Provider: the association provides the service. Agent: it acts for the client, who employs.</source>
        <translation>Prestataire : l’association fournit le service. Mandataire : elle agit pour le client, qui est l’employeur.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Mandataire</translation>
    </message>
</context>
<context>
    <name>AttendantsPage</name>
    <message>
        <source>Disable %1? They can no longer log in at the counter until a manager enables them again.</source>
        <translation>Désactiver %1 ? Cette personne ne pourra plus se connecter au comptoir tant qu’un responsable ne l’aura pas réactivée.</translation>
    </message>
    <message>
        <source>Yes, disable</source>
        <translation>Oui, désactiver</translation>
    </message>
    <message>
        <source>No, keep</source>
        <translation>Non, garder</translation>
    </message>
    <message>
        <source>%1 is now a manager.</source>
        <translation>%1 est maintenant responsable.</translation>
    </message>
    <message>
        <source>%1 is now an attendant.</source>
        <translation>%1 est maintenant agent d’accueil.</translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation>%1 ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>%1 can now log in at the counter.</source>
        <translation>%1 peut maintenant se connecter au comptoir.</translation>
    </message>
    <message>
        <source>%1 has a new PIN.</source>
        <translation>%1 a un nouveau code.</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Attendant</source>
        <translation>Agent d’accueil</translation>
    </message>
    <message>
        <source>%1, disabled</source>
        <translation>%1, désactivé</translation>
    </message>
    <message>
        <source>Make attendant</source>
        <translation>Rendre agent d’accueil</translation>
    </message>
    <message>
        <source>Make manager</source>
        <translation>Nommer responsable</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>Nouveau code pour %1</translation>
    </message>
    <message>
        <source>Attendants</source>
        <translation>Agents d’accueil</translation>
    </message>
    <message>
        <source>Add an attendant</source>
        <translation>Ajouter un agent d’accueil</translation>
    </message>
    <message>
        <source>First name and name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>Code (4 à 8 chiffres)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Code, encore une fois</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>New PIN (4 to 8 digits)</source>
        <translation>Nouveau code (4 à 8 chiffres)</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Nouveau code, encore une fois</translation>
    </message>
    <message>
        <source>Save the PIN</source>
        <translation>Enregistrer le code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>AzertyKeyboard</name>
    <message>
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>Cacher le clavier</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Majuscules</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>Effacer la dernière lettre</translation>
    </message>
</context>
<context>
    <name>BecomeLuluScreen</name>
    <message>
        <source>Become a Lulu</source>
        <translation>Devenir Lulu</translation>
    </message>
    <message>
        <source>Lulus are neighbours who do small services, paid for each one. Leave your details: the counter will call you back to meet you.</source>
        <translation>Les Lulus sont des voisins qui rendent de petits services, payés pour chacun. Laissez vos coordonnées : le comptoir vous rappellera pour vous rencontrer.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>Votre numéro de téléphone</translation>
    </message>
    <message>
        <source>What can you do? Touch one or more.</source>
        <translation>Que savez-vous faire ? Touchez un ou plusieurs choix.</translation>
    </message>
    <message>
        <source>When are you available? (e.g. weekday mornings)</source>
        <translation>Quand êtes-vous disponible ? (par exemple : les matins en semaine)</translation>
    </message>
    <message>
        <source>Send my application</source>
        <translation>Envoyer ma candidature</translation>
    </message>
    <message>
        <source>Thank you! The counter will call you back within a few days.</source>
        <translation>Merci ! Le comptoir vous rappellera d’ici quelques jours.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Order a service</source>
        <translation>Commander un service</translation>
    </message>
</context>
<context>
    <name>CatalogueScreen</name>
    <message>
        <source>The first {shown} of {matched} services: type more to narrow.</source>
        <translation>Les {shown} premiers services sur {matched} : tapez davantage pour affiner.</translation>
    </message>
    <message>
        <source>Services matching your search</source>
        <translation>Services correspondant à votre recherche</translation>
    </message>
    <message>
        <source>What do you need?</source>
        <translation>De quoi avez-vous besoin ?</translation>
    </message>
    <message>
        <source>Search: type a word, e.g. curtain</source>
        <translation>Rechercher : tapez un mot, par exemple rideau</translation>
    </message>
    <message>
        <source>Search for a service</source>
        <translation>Rechercher un service</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>No service matches. Try another word.</source>
        <translation>Aucun service ne correspond. Essayez un autre mot.</translation>
    </message>
</context>
<context>
    <name>ClientDetailsForm</name>
    <message>
        <source>Details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail (optional)</source>
        <translation>E-mail (facultatif)</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Building (optional)</source>
        <translation>Bâtiment (facultatif)</translation>
    </message>
    <message>
        <source>Floor (optional)</source>
        <translation>Étage (facultatif)</translation>
    </message>
    <message>
        <source>Access notes: door code, floor… (optional)</source>
        <translation>Indications d’accès : code, étage… (facultatif)</translation>
    </message>
    <message>
        <source>Language of tickets and messages</source>
        <translation>Langue des tickets et des messages</translation>
    </message>
    <message>
        <source>Save the details</source>
        <translation>Enregistrer les coordonnées</translation>
    </message>
</context>
<context>
    <name>ClientHistoryView</name>
    <message>
        <source>Price {amount}</source>
        <translation>Prix {amount}</translation>
    </message>
    <message>
        <source>refunded {amount} ({method})</source>
        <translation>remboursé {amount} ({method})</translation>
    </message>
    <message>
        <source>paid {amount} ({method})</source>
        <translation>payé {amount} ({method})</translation>
    </message>
    <message>
        <source>rated {stars} ★</source>
        <translation>noté {stars} ★</translation>
    </message>
    <message>
        <source>invoice {number}</source>
        <translation>facture {number}</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>No order yet.</source>
        <translation>Aucune commande pour l’instant.</translation>
    </message>
    <message>
        <source>Older orders not shown: {count}.</source>
        <translation>Commandes plus anciennes non affichées : {count}.</translation>
    </message>
</context>
<context>
    <name>ClientMatches</name>
    <message>
        <source>+ New client</source>
        <translation>+ Nouveau client</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Clients trouvés</translation>
    </message>
</context>
<context>
    <name>ClientProfilePanel</name>
    <message>
        <source>Details saved.</source>
        <translation>Coordonnées enregistrées.</translation>
    </message>
    <message>
        <source>The data is saved in {path} (readable by this computer&apos;s account only).</source>
        <translation>Les données sont enregistrées dans {path} (lisibles par le seul compte de cet ordinateur).</translation>
    </message>
    <message>
        <source>The client&apos;s data has been erased.</source>
        <translation>Les données du client ont été effacées.</translation>
    </message>
    <message>
        <source>Erased: only the orders and invoices remain, for the accounts.</source>
        <translation>Effacé : seules restent les commandes et les factures, pour la comptabilité.</translation>
    </message>
    <message>
        <source>Agreed to the use of their details on {day}.</source>
        <translation>A accepté l’utilisation de ses coordonnées le {day}.</translation>
    </message>
    <message>
        <source>Erase all the personal data of {name}?</source>
        <translation>Effacer toutes les données personnelles de {name} ?</translation>
    </message>
    <message>
        <source>What goes: the name, phone, e-mail, address and access notes; the address and description of their {count} order(s); the comments of their ratings. Their name becomes “{neutral}”.</source>
        <translation>Ce qui part : le nom, le téléphone, l’e-mail, l’adresse et les indications d’accès ; l’adresse et la description de ses commandes ({count}) ; les commentaires de ses notes. Son nom devient « {neutral} ».</translation>
    </message>
    <message>
        <source>What stays, for the accounts: the orders (service, day, price, step), the payments, the stars given, and the invoices already issued, which keep the name and address printed on them.</source>
        <translation>Ce qui reste, pour la comptabilité : les commandes (prestation, jour, prix, étape), les paiements, les étoiles données, et les factures déjà émises, qui gardent le nom et l’adresse imprimés dessus.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>C’est définitif.</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exporter les données</translation>
    </message>
    <message>
        <source>Erase this client</source>
        <translation>Effacer ce client</translation>
    </message>
    <message>
        <source>No, keep</source>
        <translation>Non, garder</translation>
    </message>
    <message>
        <source>Yes, erase</source>
        <translation>Oui, effacer</translation>
    </message>
    <message>
        <source>Erasing is possible once every order is paid or cancelled (still in progress: {count}).</source>
        <translation>L’effacement sera possible quand toutes les commandes seront réglées ou annulées (encore en cours : {count}).</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Phone or name</source>
        <translation>Téléphone ou nom</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Trouver un client</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Clients trouvés</translation>
    </message>
    <message>
        <source>No client found.</source>
        <translation>Aucun client trouvé.</translation>
    </message>
    <message>
        <source>Type a phone number or a name, then touch a client to see their record.</source>
        <translation>Tapez un numéro de téléphone ou un nom, puis touchez un client pour voir sa fiche.</translation>
    </message>
</context>
<context>
    <name>CloseForm</name>
    <message>
        <source>Close the till now? Its figures become final and the Z is printed.</source>
        <translation>Clôturer la caisse maintenant ? Ses chiffres deviennent définitifs et le Z s’imprime.</translation>
    </message>
    <message>
        <source>Yes, close the till</source>
        <translation>Oui, clôturer la caisse</translation>
    </message>
    <message>
        <source>No, not yet</source>
        <translation>Non, pas encore</translation>
    </message>
    <message>
        <source>No other manager is registered here: count again, or call a manager.</source>
        <translation>Aucun autre responsable n’est enregistré ici : recomptez, ou appelez un responsable.</translation>
    </message>
    <message>
        <source>Count and close the till</source>
        <translation>Compter et clôturer la caisse</translation>
    </message>
    <message>
        <source>Tap a line, then type the amount counted (0 if none).</source>
        <translation>Touchez une ligne, tapez le montant compté (0 si rien).</translation>
    </message>
    <message>
        <source>Method (payments)</source>
        <translation>Moyen (paiements)</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>{method} counted, in euros</source>
        <translation>{method} compté, en euros</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>PIN of the manager</source>
        <translation>Code du responsable</translation>
    </message>
    <message>
        <source>Close the till and print the Z</source>
        <translation>Clôturer la caisse et imprimer le Z</translation>
    </message>
</context>
<context>
    <name>ClosingHistory</name>
    <message>
        <source>difference {amount}</source>
        <translation>écart {amount}</translation>
    </message>
    <message>
        <source>{name}: opened by {opener} on {opened}, closed by {closer} on {closed}.</source>
        <translation>{name} : ouverte par {opener} le {opened}, clôturée par {closer} le {closed}.</translation>
    </message>
    <message>
        <source>Float: {amount}</source>
        <translation>Fond de caisse : {amount}</translation>
    </message>
    <message>
        <source>{method}: expected {expected}, counted {counted}, difference {gap}</source>
        <translation>{method} : attendu {expected}, compté {counted}, écart {gap}</translation>
    </message>
    <message>
        <source>Difference accepted by {name}.</source>
        <translation>Écart validé par {name}.</translation>
    </message>
    <message>
        <source>Past closings (Z)</source>
        <translation>Clôtures passées (Z)</translation>
    </message>
    <message>
        <source>Past closings</source>
        <translation>Clôtures passées</translation>
    </message>
    <message>
        <source>Print this report again</source>
        <translation>Réimprimer ce rapport</translation>
    </message>
</context>
<context>
    <name>ConfirmationScreen</name>
    <message>
        <source>Thank you, your order is registered.</source>
        <translation>Merci, votre commande est enregistrée.</translation>
    </message>
    <message>
        <source>Your order number:</source>
        <translation>Votre numéro de commande :</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Order another service</source>
        <translation>Commander un autre service</translation>
    </message>
    <message>
        <source>What happens next: the counter calls you to confirm, then a Lulu comes at the time you chose. Keep your order number to follow your order here.</source>
        <translation>Et maintenant : le comptoir vous appelle pour confirmer, puis un Lulu vient à l’heure choisie. Gardez votre numéro de commande pour la suivre ici.</translation>
    </message>
    <message>
        <source>Requested for {when}</source>
        <translation>Demandée pour le {when}</translation>
    </message>
    <message>
        <source>Your ticket</source>
        <translation>Votre ticket</translation>
    </message>
    <message>
        <source>Here is your ticket: this kiosk has no printer. Note your order number.</source>
        <translation>Voici votre ticket : ce kiosque n’a pas d’imprimante. Notez votre numéro de commande.</translation>
    </message>
    <message>
        <source>Your ticket is being printed below the screen.</source>
        <translation>Votre ticket s’imprime sous l’écran.</translation>
    </message>
    <message>
        <source>Your ticket is printed: take it below the screen.</source>
        <translation>Votre ticket est imprimé : prenez-le sous l’écran.</translation>
    </message>
    <message>
        <source>The printer is not working: please write down your order number. Your order is safely registered.</source>
        <translation>L’imprimante ne fonctionne pas : notez votre numéro de commande. Votre commande est bien enregistrée.</translation>
    </message>
</context>
<context>
    <name>ConsentStep</name>
    <message>
        <source>Your details and what we do with them</source>
        <translation>Vos informations et ce que nous en faisons</translation>
    </message>
    <message>
        <source>Touch “I agree” to go on.</source>
        <translation>Touchez « J’accepte » pour continuer.</translation>
    </message>
    <message>
        <source>The association keeps your name, phone number and address to organise this service and to send you its invoice. Only the counter team and the Lulu who comes to you see them. We never sell them nor give them to anyone else. You can ask at the counter to see them or to have them deleted at any time.</source>
        <translation>L’association garde votre nom, votre téléphone et votre adresse pour organiser ce service et vous envoyer sa facture. Seuls l’équipe du comptoir et le Lulu qui vient chez vous les voient. Nous ne les vendons ni ne les donnons jamais à personne. Vous pouvez à tout moment demander au comptoir de les voir ou de les effacer.</translation>
    </message>
    <message>
        <source>You already agreed on {date}.</source>
        <translation>Vous avez déjà accepté le {date}.</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>J’accepte</translation>
    </message>
    <message>
        <source>I agree to the use of my details</source>
        <translation>J’accepte l’utilisation de mes informations</translation>
    </message>
</context>
<context>
    <name>CounterOrderPage</name>
    <message>
        <source>1. Client</source>
        <translation>1. Client</translation>
    </message>
    <message>
        <source>Phone or name</source>
        <translation>Téléphone ou nom</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Chercher un client</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Name (a new client)</source>
        <translation>Nom (nouveau client)</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Building, floor, door code</source>
        <translation>Bâtiment, étage, digicode</translation>
    </message>
    <message>
        <source>2. Service and slot</source>
        <translation>2. Service et créneau</translation>
    </message>
    <message>
        <source>Your order in progress is back, as you left it.</source>
        <translation>Votre commande en cours est revenue, telle que vous l’aviez laissée.</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>Chercher une prestation</translation>
    </message>
    <message>
        <source>No service yet</source>
        <translation>Aucun service</translation>
    </message>
    <message>
        <source>{units} × {minutes} min
{price}</source>
        <translation>{units} × {minutes} min
{price}</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Plus court</translation>
    </message>
    <message>
        <source>Longer</source>
        <translation>Plus long</translation>
    </message>
    <message>
        <source>3. Details</source>
        <translation>3. Adresse et détails</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Ce qu’il y a à faire</translation>
    </message>
    <message>
        <source>Lulu (optional)</source>
        <translation>Lulu (facultatif)</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <source>Counter: {name} is logged in.</source>
        <translation>Au comptoir : {name}</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <source>Lulus</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Le mois</translation>
    </message>
    <message>
        <source>To resolve</source>
        <translation>À régler</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
</context>
<context>
    <name>CounterWords</name>
    <message>
        <source>Requested</source>
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribuée</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message>
        <source>Touchscreen</source>
        <translation>Kiosque</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>CESU</source>
        <translation>CESU</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>attendant</source>
        <translation>agent d’accueil</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
</context>
<context>
    <name>DayBarChart</name>
    <message>
        <source>No day to show.</source>
        <translation>Aucun jour à afficher.</translation>
    </message>
    <message>
        <source>From {first} to {last}.</source>
        <translation>Du {first} au {last}.</translation>
    </message>
    <message>
        <source>None on any day.</source>
        <translation>Zéro chaque jour.</translation>
    </message>
    <message>
        <source>Highest: {count} on {day}.</source>
        <translation>Maximum : {count} le {day}.</translation>
    </message>
    <message>
        <source>{day}: {count}</source>
        <translation>{day} : {count}</translation>
    </message>
</context>
<context>
    <name>FollowScreen</name>
    <message>
        <source>Requested</source>
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Requested: the counter will call you</source>
        <translation>Demandée : le comptoir va vous appeler</translation>
    </message>
    <message>
        <source>Confirmed by the counter</source>
        <translation>Confirmée par le comptoir</translation>
    </message>
    <message>
        <source>A Lulu is coming</source>
        <translation>Un Lulu va venir</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Order {number}: {service}, for {when}</source>
        <translation>Commande {number} : {service}, pour le {when}</translation>
    </message>
    <message>
        <source>Follow my order</source>
        <translation>Suivre ma commande</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation>Noter ce service</translation>
    </message>
</context>
<context>
    <name>HelpCalls</name>
    <message>
        <source>A resident is asking for help — {time}</source>
        <translation>Un habitant demande de l’aide — {time}</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Traité</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>Need help?</source>
        <translation>Besoin d’aide ?</translation>
    </message>
    <message>
        <source>We are letting the counter know…</source>
        <translation>Nous prévenons le comptoir…</translation>
    </message>
    <message>
        <source>The counter has been told: someone is coming to help you.</source>
        <translation>Le comptoir est prévenu : une personne vient vous aider.</translation>
    </message>
    <message>
        <source>The counter could not be told. Please call the number below.</source>
        <translation>Le comptoir n’a pas pu être prévenu. Appelez le numéro ci-dessous.</translation>
    </message>
    <message>
        <source>Stay in front of the kiosk: what you have typed is kept. You can also ask the person at the counter, or call:</source>
        <translation>Restez devant le kiosque : ce que vous avez écrit est gardé. Vous pouvez aussi vous adresser à la personne du comptoir, ou appeler le :</translation>
    </message>
    <message>
        <source>Stay in front of the kiosk: what you have typed is kept. You can also ask the person at the counter.</source>
        <translation>Restez devant le kiosque : ce que vous avez écrit est gardé. Vous pouvez aussi vous adresser à la personne du comptoir.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Êtes-vous toujours là ?</translation>
    </message>
    <message numerus="yes">
        <source>Back to the start in %n second(s).</source>
        <translation>
            <numerusform>Retour à l’accueil dans %n seconde.</numerusform>
            <numerusform>Retour à l’accueil dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>Oui, je suis là</translation>
    </message>
</context>
<context>
    <name>KioskForm</name>
    <message>
        <source>Kiosk&apos;s name</source>
        <translation>Nom du kiosque</translation>
    </message>
    <message>
        <source>Where it stands (a street, a square): shown to the association&apos;s team.</source>
        <translation>Où il se trouve (une rue, une place) : montré à l’équipe de l’association.</translation>
    </message>
    <message>
        <source>Idle delay (seconds)</source>
        <translation>Délai d’inactivité (secondes)</translation>
    </message>
    <message>
        <source>Without a touch for this long (15 to 600 s), the residents&apos; screens go back to the welcome screen.</source>
        <translation>Sans contact pendant ce temps (15 à 600 s), les écrans des habitants reviennent à l’accueil.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Need help?</source>
        <translation>Besoin d’aide ?</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>Comptoir</source>
        <translation>Comptoir</translation>
    </message>
</context>
<context>
    <name>LanguageStep</name>
    <message>
        <source>Language of this set-up</source>
        <translation>Langue de cette installation</translation>
    </message>
    <message>
        <source>Residents choose their own language on the welcome screen at any time.</source>
        <translation>Les habitants choisissent leur langue sur l’écran d’accueil, à tout moment.</translation>
    </message>
</context>
<context>
    <name>LockWarning</name>
    <message>
        <source>The counter is about to lock</source>
        <translation>Le comptoir va se verrouiller</translation>
    </message>
    <message numerus="yes">
        <source>Locked in %n second(s).</source>
        <translation>
            <numerusform>Verrouillage dans %n seconde.</numerusform>
            <numerusform>Verrouillage dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Touch to keep the counter open</source>
        <translation>Touchez l’écran pour garder le comptoir ouvert</translation>
    </message>
</context>
<context>
    <name>LuluHistory</name>
    <message>
        <source>~{time}</source>
        <translation>~{time}</translation>
    </message>
    <message>
        <source>{stars}  order {number}, {day}: “{comment}”</source>
        <translation>{stars}  commande {number}, {day} : « {comment} »</translation>
    </message>
    <message>
        <source>{stars}  order {number}, {day}</source>
        <translation>{stars}  commande {number}, {day}</translation>
    </message>
    <message>
        <source>Their orders</source>
        <translation>Ses commandes</translation>
    </message>
    <message>
        <source>Ratings received</source>
        <translation>Notes reçues</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Service asked</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Orders of this Lulu</source>
        <translation>Commandes de ce Lulu</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Plus récentes</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Plus anciennes ▶</translation>
    </message>
    <message>
        <source>Services done: {done} · time worked: {time} · average rating: {average} ({count})</source>
        <translation>Prestations réalisées : {done} · temps de travail : {time} · note moyenne : {average} ({count})</translation>
    </message>
    <message>
        <source>No order yet.</source>
        <translation>Aucune commande pour l’instant.</translation>
    </message>
    <message>
        <source>No rating yet.</source>
        <translation>Aucune note pour l’instant.</translation>
    </message>
</context>
<context>
    <name>LuluMatches</name>
    <message>
        <source>No Lulu yet (assign later)</source>
        <translation>Pas encore de Lulu (attribuer plus tard)</translation>
    </message>
    <message>
        <source>still in training</source>
        <translation>encore en formation</translation>
    </message>
    <message>
        <source>Lulus with the skill</source>
        <translation>Lulus qui ont le savoir-faire</translation>
    </message>
</context>
<context>
    <name>LuluProfilePanel</name>
    <message>
        <source>same skills</source>
        <translation>mêmes savoir-faire</translation>
    </message>
    <message>
        <source>Moved to: {stage}.</source>
        <translation>Nouvelle étape : {stage}.</translation>
    </message>
    <message>
        <source>Ticked: {item}.</source>
        <translation>Coché : {item}.</translation>
    </message>
    <message>
        <source>Unticked: {item}.</source>
        <translation>Décoché : {item}.</translation>
    </message>
    <message>
        <source>{name} is now the tutor.</source>
        <translation>{name} est désormais le tuteur ou la tutrice.</translation>
    </message>
    <message>
        <source>No tutor any more.</source>
        <translation>Plus de tuteur.</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>Téléphone : {phone}</translation>
    </message>
    <message>
        <source>Applied: {day}</source>
        <translation>Candidature : {day}</translation>
    </message>
    <message>
        <source>Neighbourhood: {name}</source>
        <translation>Quartier : {name}</translation>
    </message>
    <message>
        <source>Skills: {skills}</source>
        <translation>Savoir-faire : {skills}</translation>
    </message>
    <message>
        <source>Speaks: {languages}</source>
        <translation>Langues : {languages}</translation>
    </message>
    <message>
        <source>Available: {when}</source>
        <translation>Disponibilités : {when}</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>Tuteur</translation>
    </message>
    <message>
        <source>Onboarded Lulus who can tutor</source>
        <translation>Lulus validés qui peuvent être tuteurs</translation>
    </message>
    <message>
        <source>Choose as tutor</source>
        <translation>Choisir comme tuteur</translation>
    </message>
    <message>
        <source>Remove the tutor</source>
        <translation>Retirer le tuteur</translation>
    </message>
    <message>
        <source>Stage: {stage}, since {day}</source>
        <translation>Étape : {stage}, depuis le {day}</translation>
    </message>
    <message>
        <source>The file is complete. To change it, move it back to file in progress.</source>
        <translation>Le dossier est complet. Pour le modifier, repassez-le en dossier en cours.</translation>
    </message>
    <message>
        <source>Tick every item to onboard this Lulu.</source>
        <translation>Cochez chaque pièce pour valider ce Lulu.</translation>
    </message>
    <message>
        <source>Tutor: {name}</source>
        <translation>Tuteur : {name}</translation>
    </message>
    <message>
        <source>No tutor yet. Choose an onboarded Lulu:</source>
        <translation>Pas encore de tuteur. Choisissez un Lulu validé :</translation>
    </message>
</context>
<context>
    <name>LuluWords</name>
    <message>
        <source>Onboarded</source>
        <translation>Validés</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactifs</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidats</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>candidature</translation>
    </message>
    <message>
        <source>file in progress</source>
        <translation>dossier en cours</translation>
    </message>
    <message>
        <source>onboarded</source>
        <translation>dossier validé</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>hors activité</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>Identité vérifiée</translation>
    </message>
    <message>
        <source>Registered as self-employed</source>
        <translation>Inscription comme auto-entrepreneur</translation>
    </message>
    <message>
        <source>Declared to URSSAF</source>
        <translation>Déclaration à l’URSSAF</translation>
    </message>
    <message>
        <source>Insured</source>
        <translation>Assurance prise</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Formation suivie</translation>
    </message>
    <message>
        <source>Onboard</source>
        <translation>Valider ce Lulu</translation>
    </message>
    <message>
        <source>Set inactive</source>
        <translation>Passer en inactif</translation>
    </message>
    <message>
        <source>Back to candidate</source>
        <translation>Revenir en candidature</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Reopen the file</source>
        <translation>Rouvrir le dossier</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>arabe</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugais</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>chinois</translation>
    </message>
    <message>
        <source>Wolof</source>
        <translation>wolof</translation>
    </message>
</context>
<context>
    <name>LulusPage</name>
    <message>
        <source>{phone} · applied {day}</source>
        <translation>{phone} · candidature le {day}</translation>
    </message>
    <message>
        <source>Our Lulus</source>
        <translation>Nos Lulus</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>List of Lulus</source>
        <translation>Liste des Lulus</translation>
    </message>
    <message>
        <source>No Lulu at this stage.</source>
        <translation>Aucun Lulu à cette étape.</translation>
    </message>
    <message>
        <source>Touch a Lulu in the list to see their file.</source>
        <translation>Touchez un Lulu dans la liste pour voir son dossier.</translation>
    </message>
</context>
<context>
    <name>ManagerStep</name>
    <message>
        <source>First manager&apos;s name</source>
        <translation>Nom du premier responsable</translation>
    </message>
    <message>
        <source>A manager logs in at the counter, changes these settings, adds attendants.</source>
        <translation>Un responsable se connecte au comptoir, change ces réglages, ajoute des accueillants.</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>Son code</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Le même code, encore</translation>
    </message>
    <message>
        <source>{min} to {max} digits, kept secret: it opens the counter.</source>
        <translation>{min} à {max} chiffres, gardés secrets : ils ouvrent le comptoir.</translation>
    </message>
    <message>
        <source>{name} is the kiosk&apos;s manager.</source>
        <translation>{name} est responsable du kiosque.</translation>
    </message>
</context>
<context>
    <name>MonthPage</name>
    <message>
        <source>The figures could not be counted. Try again.</source>
        <translation>Les chiffres n&apos;ont pas pu être calculés. Réessayez.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>Du {first} au {last}</translation>
    </message>
    <message>
        <source>{stars} / 5</source>
        <translation>{stars} / 5</translation>
    </message>
    <message>
        <source>Average rating (no rating yet)</source>
        <translation>Note moyenne (aucune note encore)</translation>
    </message>
    <message>
        <source>Average rating (1 rating)</source>
        <translation>Note moyenne (1 note)</translation>
    </message>
    <message>
        <source>Average rating ({count} ratings)</source>
        <translation>Note moyenne ({count} notes)</translation>
    </message>
    <message>
        <source>Orders recorded</source>
        <translation>Commandes enregistrées</translation>
    </message>
    <message>
        <source>Services done</source>
        <translation>Prestations réalisées</translation>
    </message>
    <message>
        <source>Received, net of refunds</source>
        <translation>Encaissé, net des remboursements</translation>
    </message>
    <message>
        <source>Kiosk visits</source>
        <translation>Visites au kiosque</translation>
    </message>
    <message>
        <source>Lulus onboarded</source>
        <translation>Lulus au dossier bouclé</translation>
    </message>
    <message>
        <source>Lulus with their file in progress</source>
        <translation>Lulus au dossier en cours</translation>
    </message>
    <message>
        <source>Candidates to become a Lulu</source>
        <translation>Candidats pour devenir Lulu</translation>
    </message>
    <message>
        <source>The month at a glance</source>
        <translation>Le mois en un coup d&apos;œil</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mois précédent</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mois suivant</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>Past 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Lulus: their files as they stand today.</source>
        <translation>Lulus : leurs dossiers tels qu&apos;ils sont aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Orders per day (weekends shaded)</source>
        <translation>Commandes par jour (week-ends grisés)</translation>
    </message>
    <message>
        <source>Orders per day</source>
        <translation>Commandes par jour</translation>
    </message>
    <message>
        <source>No order in this period.</source>
        <translation>Aucune commande sur cette période.</translation>
    </message>
    <message>
        <source>Most ordered services</source>
        <translation>Services les plus commandés</translation>
    </message>
    <message>
        <source>{rank}. {service}: {count}</source>
        <translation>{rank}. {service} : {count}</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hide the number pad</source>
        <translation>Cacher le pavé numérique</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Changes saved. The new ticket is sent to the printer.</source>
        <translation>Modifications enregistrées. Le nouveau ticket part à l’imprimante.</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>Modifications enregistrées.</translation>
    </message>
    <message>
        <source>Order confirmed.</source>
        <translation>Commande confirmée.</translation>
    </message>
    <message>
        <source>Lulu withdrawn.</source>
        <translation>Lulu retiré de la commande.</translation>
    </message>
    <message>
        <source>Assigned to {name}, with their tutor {tutor}.</source>
        <translation>Attribuée à {name}, avec son tuteur {tutor}.</translation>
    </message>
    <message>
        <source>Assigned to {name}.</source>
        <translation>Attribuée à {name}.</translation>
    </message>
    <message>
        <source>Marked done.</source>
        <translation>Marquée réalisée.</translation>
    </message>
    <message>
        <source>Order cancelled.</source>
        <translation>Commande annulée.</translation>
    </message>
    <message>
        <source>Asked: the order comes to this kiosk at the next sync.</source>
        <translation>Demandé : la commande arrive à ce kiosque à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The ticket is sent to the printer.</source>
        <translation>Le ticket part à l’imprimante.</translation>
    </message>
    <message>
        <source>The invoice is sent to the printer.</source>
        <translation>La facture est envoyée à l’impression.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPage</name>
    <message>
        <source>Cancel this order for good? A cancelled order cannot be reopened.</source>
        <translation>Annuler définitivement cette commande ? Une commande annulée ne peut pas être rouverte.</translation>
    </message>
    <message>
        <source>Yes, cancel the order</source>
        <translation>Oui, annuler la commande</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Non, la garder</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Retour à la file</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Price and payments</source>
        <translation>Prix et paiements</translation>
    </message>
    <message>
        <source>Confirm the order</source>
        <translation>Confirmer la commande</translation>
    </message>
    <message>
        <source>Withdraw the Lulu</source>
        <translation>Retirer le Lulu</translation>
    </message>
    <message>
        <source>Edit the order</source>
        <translation>Modifier la commande</translation>
    </message>
    <message>
        <source>Assign a Lulu</source>
        <translation>Attribuer un Lulu</translation>
    </message>
    <message>
        <source>Assign this Lulu</source>
        <translation>Attribuer ce Lulu</translation>
    </message>
    <message>
        <source>Actual time, in minutes</source>
        <translation>Durée réelle, en minutes</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer réalisée</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Motif de l’annulation</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <source>Print the ticket again</source>
        <translation>Réimprimer le ticket</translation>
    </message>
    <message>
        <source>Ask to take this order over</source>
        <translation>Reprendre cette commande</translation>
    </message>
    <message>
        <source>No kiosk holds this web order yet: take it over to handle it.</source>
        <translation>Aucun kiosque ne tient encore cette commande du site : reprenez-la pour la traiter.</translation>
    </message>
    <message>
        <source>Kiosk “{kiosk}” holds this order: read-only here.</source>
        <translation>Le kiosque « {kiosk} » tient cette commande : lecture seule ici.</translation>
    </message>
    <message>
        <source>Order {number}: {status}</source>
        <translation>Commande {number} : {status}</translation>
    </message>
</context>
<context>
    <name>OrderEditPanel</name>
    <message>
        <source>{units} × {minutes} min: {price}</source>
        <translation>{units} × {minutes} min : {price}</translation>
    </message>
    <message>
        <source>(now {slot})</source>
        <translation>(actuellement : {slot})</translation>
    </message>
    <message>
        <source>Keep this slot</source>
        <translation>Garder ce créneau</translation>
    </message>
    <message>
        <source>Estimated duration</source>
        <translation>Durée estimée</translation>
    </message>
    <message>
        <source>Editing: nothing changes until you save.</source>
        <translation>Modification : rien ne change avant d’enregistrer.</translation>
    </message>
    <message>
        <source>New day and time</source>
        <translation>Nouveau jour et heure</translation>
    </message>
    <message>
        <source>One unit less</source>
        <translation>Une unité de moins</translation>
    </message>
    <message>
        <source>One unit more</source>
        <translation>Une unité de plus</translation>
    </message>
    <message>
        <source>What the Lulu is to do</source>
        <translation>Ce que le Lulu doit faire</translation>
    </message>
    <message>
        <source>Street, number</source>
        <translation>Rue, numéro</translation>
    </message>
    <message>
        <source>Postcode (5 digits)</source>
        <translation>Code postal (5 chiffres)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Building, staircase</source>
        <translation>Bâtiment, escalier</translation>
    </message>
    <message>
        <source>Floor (empty if unknown)</source>
        <translation>Étage (vide si inconnu)</translation>
    </message>
    <message>
        <source>Lift:</source>
        <translation>Ascenseur :</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Lift: {answer}</source>
        <translation>Ascenseur : {answer}</translation>
    </message>
    <message>
        <source>Access: door code, floor, door</source>
        <translation>Accès : code, étage, porte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save the changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
</context>
<context>
    <name>OrderFacts</name>
    <message>
        <source>Assigned to {name}, with their tutor {tutor}: {at}</source>
        <translation>Attribuée à {name}, avec son tuteur {tutor} : {at}</translation>
    </message>
    <message>
        <source>Assigned to {name}: {at}</source>
        <translation>Attribuée à {name} : {at}</translation>
    </message>
    <message>
        <source>{status}: {at}</source>
        <translation>{status} : {at}</translation>
    </message>
    <message>
        <source>When: {slot}</source>
        <translation>Quand : {slot}</translation>
    </message>
    <message>
        <source>Client: {name}, {phone}</source>
        <translation>Client : {name}, {phone}</translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation>Client : {name}</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Adresse : {address}</translation>
    </message>
    <message>
        <source>Channel: {channel}</source>
        <translation>Canal : {channel}</translation>
    </message>
    <message>
        <source>Asked: {text}</source>
        <translation>Demande : {text}</translation>
    </message>
    <message>
        <source>Lulu: {name}</source>
        <translation>Lulu : {name}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
    <message>
        <source>Reprint the invoice</source>
        <translation>Réimprimer la facture</translation>
    </message>
    <message>
        <source>Print the invoice</source>
        <translation>Imprimer la facture</translation>
    </message>
    <message>
        <source>Invoice {number}. Saved: {path}</source>
        <translation>Facture {number}. Enregistrée : {path}</translation>
    </message>
    <message>
        <source>Invoice {number}: its PDF is being saved as {path}</source>
        <translation>Facture {number} : son PDF s’enregistre dans {path}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Facture {number}</translation>
    </message>
</context>
<context>
    <name>OrderFoot</name>
    <message>
        <source>Order {number} placed: {service}, {when}. The ticket is printing.</source>
        <translation>Commande {number} enregistrée : {service}, {when}. Le ticket s’imprime.</translation>
    </message>
    <message>
        <source>Lulu chosen: {name}</source>
        <translation>Lulu choisi : {name}</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <source>Confirm and print</source>
        <translation>Confirmer et imprimer</translation>
    </message>
    <message>
        <source>Open this order</source>
        <translation>Ouvrir cette commande</translation>
    </message>
</context>
<context>
    <name>OrderLookup</name>
    <message>
        <source>The phone number given with the order</source>
        <translation>Le numéro de téléphone donné avec la commande</translation>
    </message>
    <message>
        <source>Order number, if you have it (on your ticket, e.g. 01-0042)</source>
        <translation>Numéro de commande, si vous l’avez (sur votre ticket, par ex. 01-0042)</translation>
    </message>
    <message>
        <source>Find my order</source>
        <translation>Trouver ma commande</translation>
    </message>
    <message>
        <source>Which order?</source>
        <translation>Quelle commande ?</translation>
    </message>
    <message>
        <source>{service}, {when}</source>
        <translation>{service}, {when}</translation>
    </message>
    <message>
        <source>We found no order for this phone number.</source>
        <translation>Nous n’avons trouvé aucune commande pour ce numéro de téléphone.</translation>
    </message>
    <message>
        <source>We found no order with this number and this phone number.</source>
        <translation>Nous n’avons trouvé aucune commande avec ce numéro et ce téléphone.</translation>
    </message>
</context>
<context>
    <name>OrderQueueModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
</context>
<context>
    <name>OrderScreen</name>
    <message>
        <source>Step {step} of {count}</source>
        <translation>Étape {step} sur {count}</translation>
    </message>
    <message>
        <source>Confirm my order</source>
        <translation>Confirmer ma commande</translation>
    </message>
    <message>
        <source>Back to the review</source>
        <translation>Revenir au récapitulatif</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>This service is no longer offered.</source>
        <translation>Ce service n’est plus proposé.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} sur {total}</translation>
    </message>
</context>
<context>
    <name>PaymentBox</name>
    <message>
        <source>Payment of {amount} recorded.</source>
        <translation>Paiement de {amount} enregistré.</translation>
    </message>
    <message>
        <source>Estimate: {price} for {units} × {minutes} min</source>
        <translation>Devis : {price} pour {units} × {minutes} min</translation>
    </message>
    <message>
        <source>Final price: {price}</source>
        <translation>Prix final : {price}</translation>
    </message>
    <message>
        <source>Refund ({method}): {amount}, {at}</source>
        <translation>Remboursement ({method}) : {amount}, {at}</translation>
    </message>
    <message>
        <source>{method}: {amount}, {at}</source>
        <translation>{method} : {amount}, {at}</translation>
    </message>
    <message>
        <source>Credit note {number}: {amount}</source>
        <translation>Avoir {number} : {amount}</translation>
    </message>
    <message>
        <source>Still due: {amount}</source>
        <translation>Reste dû : {amount}</translation>
    </message>
    <message>
        <source>Record a payment</source>
        <translation>Enregistrer un paiement</translation>
    </message>
    <message>
        <source>Amount, in euros</source>
        <translation>Montant, en euros</translation>
    </message>
    <message>
        <source>Record the payment</source>
        <translation>Enregistrer le paiement</translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <source>Counter access</source>
        <translation>Accès comptoir</translation>
    </message>
    <message>
        <source>Who are you? Then type your PIN.</source>
        <translation>Qui êtes-vous ? Puis tapez votre code.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Back to the residents&apos; screen</source>
        <translation>Revenir à l’écran des habitants</translation>
    </message>
</context>
<context>
    <name>Prices</name>
    <message>
        <source>{price} per {duration}</source>
        <translation>{price} les {duration}</translation>
    </message>
    <message>
        <source>{price} per {duration} after the 50 % tax credit</source>
        <translation>soit {price} les {duration} après le crédit d’impôt de 50 %</translation>
    </message>
    <message>
        <source>{price} after the 50 % tax credit</source>
        <translation>soit {price} après le crédit d’impôt de 50 %</translation>
    </message>
</context>
<context>
    <name>PrintBadge</name>
    <message numerus="yes">
        <source>⚠ %n print(s)
failed</source>
        <translation>
            <numerusform>⚠ %n impression
en échec</numerusform>
            <numerusform>⚠ %n impressions
en échec</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintTroublesPage</name>
    <message>
        <source>Sent to the printer again.</source>
        <translation>Renvoyé à l’imprimante.</translation>
    </message>
    <message>
        <source>Saved as a picture and text in the tickets folder of the data folder.</source>
        <translation>Enregistré en image et en texte dans le dossier tickets du dossier de données.</translation>
    </message>
    <message>
        <source>Print cancelled.</source>
        <translation>Impression annulée.</translation>
    </message>
    <message>
        <source>This print job changed meanwhile: the list is read again.</source>
        <translation>Cette impression a changé entre-temps : la liste est relue.</translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation>Ticket de commande</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>Reçu de paiement</translation>
    </message>
    <message>
        <source>Copy of a receipt</source>
        <translation>Duplicata d’un reçu</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Reçu de remboursement</translation>
    </message>
    <message>
        <source>Quote (ticket)</source>
        <translation>Devis (ticket)</translation>
    </message>
    <message>
        <source>Till report (Z)</source>
        <translation>Rapport de caisse (Z)</translation>
    </message>
    <message>
        <source>Invoice (PDF)</source>
        <translation>Facture (PDF)</translation>
    </message>
    <message>
        <source>Credit note (PDF)</source>
        <translation>Avoir (PDF)</translation>
    </message>
    <message>
        <source>Quote (PDF)</source>
        <translation>Devis (PDF)</translation>
    </message>
    <message>
        <source>The printer cut this ticket again while it was printed a second time.</source>
        <translation>L’imprimante a de nouveau coupé ce ticket pendant sa réimpression.</translation>
    </message>
    <message>
        <source>Stopped: waits for you.</source>
        <translation>Arrêtée : elle vous attend.</translation>
    </message>
    <message>
        <source>Waiting: it is tried again by itself.</source>
        <translation>En attente : elle est retentée toute seule.</translation>
    </message>
    <message>
        <source>{what}, order {number}, {at}</source>
        <translation>{what}, commande {number}, {at}</translation>
    </message>
    <message>
        <source>{what}, {at}</source>
        <translation>{what}, {at}</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Retour à la file</translation>
    </message>
    <message>
        <source>Failed prints</source>
        <translation>Impressions en échec</translation>
    </message>
    <message>
        <source>Every print went through.</source>
        <translation>Toutes les impressions sont passées.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Print elsewhere</source>
        <translation>Imprimer ailleurs</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <source>Printing the test page…</source>
        <translation>Impression de la page de test…</translation>
    </message>
    <message>
        <source>No USB printer found: plug it in, switch it on, then touch “Look again”.</source>
        <translation>Aucune imprimante USB trouvée : branchez-la, allumez-la, puis touchez « Chercher à nouveau ».</translation>
    </message>
    <message>
        <source>USB printer</source>
        <translation>Imprimante USB</translation>
    </message>
    <message>
        <source>Network address (name or IP, port 9100 unless given)</source>
        <translation>Adresse réseau (nom ou IP, port 9100 sauf indication)</translation>
    </message>
    <message>
        <source>Serial port (for example /dev/ttyUSB0)</source>
        <translation>Port série (par exemple /dev/ttyUSB0)</translation>
    </message>
    <message>
        <source>CUPS printer name</source>
        <translation>Nom de l’imprimante CUPS</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <source>How is the printer connected?</source>
        <translation>Comment l’imprimante est-elle branchée ?</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Pas d’imprimante</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>CUPS</source>
        <translation>CUPS</translation>
    </message>
    <message>
        <source>USB printers plugged in: touch yours</source>
        <translation>Imprimantes USB branchées : touchez la vôtre</translation>
    </message>
    <message>
        <source>USB printers plugged in</source>
        <translation>Imprimantes USB branchées</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Largeur du papier</translation>
    </message>
    <message>
        <source>80 mm (48 columns)</source>
        <translation>80 mm (48 colonnes)</translation>
    </message>
    <message>
        <source>58 mm (32 columns)</source>
        <translation>58 mm (32 colonnes)</translation>
    </message>
    <message>
        <source>Code page</source>
        <translation>Page de codes</translation>
    </message>
    <message>
        <source>Most receipt printers have CP858. If the test page prints € or accents wrongly, try CP1252.</source>
        <translation>La plupart des imprimantes à tickets ont la CP858. Si la page de test imprime mal le € ou les accents, essayez CP1252.</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Imprimer une page de test</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Order queue</source>
        <translation>File des commandes</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Jour précédent</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Jour suivant</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Every channel</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>No order matches.</source>
        <translation>Aucune commande ne correspond.</translation>
    </message>
</context>
<context>
    <name>QuitPage</name>
    <message>
        <source>Quitting closes the kiosk until it is started again (the machine&apos;s restart does). Type your PIN to confirm.</source>
        <translation>Quitter ferme le kiosque jusqu’à son prochain démarrage (le redémarrage de la machine le relance). Tapez votre code pour confirmer.</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Votre code</translation>
    </message>
    <message>
        <source>Quit the kiosk</source>
        <translation>Quitter le kiosque</translation>
    </message>
</context>
<context>
    <name>RateScreen</name>
    <message>
        <source>Rate a service</source>
        <translation>Noter un service</translation>
    </message>
    <message>
        <source>How was “{service}”? Touch the stars.</source>
        <translation>Comment s’est passé « {service} » ? Touchez les étoiles.</translation>
    </message>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n étoile</numerusform>
            <numerusform>%n étoiles</numerusform>
        </translation>
    </message>
    <message>
        <source>A comment for the association (optional)</source>
        <translation>Un commentaire pour l’association (facultatif)</translation>
    </message>
    <message>
        <source>Send my rating</source>
        <translation>Envoyer ma note</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>Merci pour votre note !</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Order a service</source>
        <translation>Commander un service</translation>
    </message>
</context>
<context>
    <name>RefundBox</name>
    <message>
        <source>Give this money back? A refund cannot be undone (an invoiced order gets a credit note).</source>
        <translation>Rendre cet argent ? Un remboursement ne peut pas être annulé (une commande facturée reçoit un avoir).</translation>
    </message>
    <message>
        <source>Yes, refund</source>
        <translation>Oui, rembourser</translation>
    </message>
    <message>
        <source>No, do not refund</source>
        <translation>Non, ne pas rembourser</translation>
    </message>
    <message>
        <source>Refund of {amount} recorded. Credit note {number}. Still due: {due}.</source>
        <translation>Remboursement de {amount} enregistré. Avoir {number}. Reste dû : {due}.</translation>
    </message>
    <message>
        <source>Refund of {amount} recorded. Still due: {due}.</source>
        <translation>Remboursement de {amount} enregistré. Reste dû : {due}.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <source>{method} {amount}, {at}</source>
        <translation>{method} {amount}, {at}</translation>
    </message>
    <message>
        <source>Amount to give back, in euros</source>
        <translation>Montant à rendre, en euros</translation>
    </message>
    <message>
        <source>Above this amount, a manager accepts the refund with their PIN.</source>
        <translation>Au-delà de ce montant, un responsable valide le remboursement avec son code.</translation>
    </message>
    <message>
        <source>PIN of the manager</source>
        <translation>Code du responsable</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Please check your order</source>
        <translation>Vérifiez votre commande</translation>
    </message>
    <message>
        <source>Floor and access: as last time</source>
        <translation>Étage et accès : comme la dernière fois</translation>
    </message>
    <message>
        <source>ground floor</source>
        <translation>rez-de-chaussée</translation>
    </message>
    <message>
        <source>1st floor</source>
        <translation>1er étage</translation>
    </message>
    <message>
        <source>floor {n}</source>
        <translation>{n}e étage</translation>
    </message>
    <message>
        <source>with a lift</source>
        <translation>avec ascenseur</translation>
    </message>
    <message>
        <source>no lift</source>
        <translation>sans ascenseur</translation>
    </message>
    <message>
        <source>Access: {notes}</source>
        <translation>Accès : {notes}</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change: {line}</source>
        <translation>Modifier : {line}</translation>
    </message>
    <message>
        <source>about {duration}</source>
        <translation>environ {duration}</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>« {text} »</translation>
    </message>
    <message>
        <source>Estimated price: {price}</source>
        <translation>Prix estimé : {price}</translation>
    </message>
</context>
<context>
    <name>SavedForm</name>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>ServerStep</name>
    <message>
        <source>Enrolment is not available here: choose &apos;Later&apos;.</source>
        <translation>L’inscription n’est pas possible ici : choisissez « Plus tard ».</translation>
    </message>
    <message>
        <source>Central server&apos;s address</source>
        <translation>Adresse du serveur central</translation>
    </message>
    <message>
        <source>Given by the association (https://...): orders and invoices go there.</source>
        <translation>Donnée par l’association (https://…) : commandes et factures y sont envoyées.</translation>
    </message>
    <message>
        <source>Enrolment token</source>
        <translation>Jeton d’inscription</translation>
    </message>
    <message>
        <source>Made for this kiosk by &apos;kiosk-server enrol&apos;: it gives the kiosk its code.</source>
        <translation>Créé pour ce kiosque par « kiosk-server enrol » : il donne son code au kiosque.</translation>
    </message>
    <message>
        <source>Later: work offline for now</source>
        <translation>Plus tard : travailler hors ligne pour l’instant</translation>
    </message>
    <message>
        <source>Until it is enrolled, this kiosk takes no order: the server gives its code.</source>
        <translation>Tant qu’il n’est pas inscrit, ce kiosque ne prend aucune commande : c’est le serveur qui lui donne son code.</translation>
    </message>
</context>
<context>
    <name>ServiceMatches</name>
    <message>
        <source>Services found</source>
        <translation>Prestations trouvées</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Order this service</source>
        <translation>Commander ce service</translation>
    </message>
    <message>
        <source>Usually takes {duration}, about {price}.</source>
        <translation>Dure en général {duration}, environ {price}.</translation>
    </message>
    <message>
        <source>Price: {unit_price}</source>
        <translation>Prix : {unit_price}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Ce kiosque</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>Serveur central</translation>
    </message>
    <message>
        <source>Attendants</source>
        <translation>Agents d’accueil</translation>
    </message>
    <message>
        <source>Quit the kiosk</source>
        <translation>Quitter le kiosque</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Welcome to Comptoir: let&apos;s set up this kiosk</source>
        <translation>Bienvenue dans Comptoir : installons ce kiosque</translation>
    </message>
    <message>
        <source>The association</source>
        <translation>L’association</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Ce kiosque</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>Le premier responsable</translation>
    </message>
    <message>
        <source>The receipt printer</source>
        <translation>L’imprimante de tickets</translation>
    </message>
    <message>
        <source>The association&apos;s central server</source>
        <translation>Le serveur central de l’association</translation>
    </message>
    <message>
        <source>Step {step} of {count}</source>
        <translation>Étape {step} sur {count}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <source>Choose a day first: its times then light up.</source>
        <translation>Choisissez d’abord un jour : ses horaires s’allument.</translation>
    </message>
    <message>
        <source>The grey times have already begun.</source>
        <translation>Les horaires en gris ont déjà commencé.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message>
        <source>Which day?</source>
        <translation>Quel jour ?</translation>
    </message>
    <message>
        <source>At what time?</source>
        <translation>À quelle heure ?</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>entre {start} et {end}</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>Fields marked * must be filled in.</source>
        <translation>Les champs marqués * sont à remplir.</translation>
    </message>
    <message>
        <source>Please fill in: {fields}.</source>
        <translation>Il manque : {fields}.</translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <source>has the skill for it</source>
        <translation>a le savoir-faire</translation>
    </message>
    <message>
        <source>free at {time}</source>
        <translation>libre à {time}</translation>
    </message>
    <message>
        <source>busy at that time ({orders})</source>
        <translation>pas libre à ce moment ({orders})</translation>
    </message>
    <message>
        <source>knows {postcode}</source>
        <translation>connaît le {postcode}</translation>
    </message>
    <message>
        <source>not rated yet</source>
        <translation>pas encore de note</translation>
    </message>
    <message>
        <source>open orders: {open} · this week: {week}</source>
        <translation>en cours : {open} · cette semaine : {week}</translation>
    </message>
    <message>
        <source>candidate in training, not yet cleared to work</source>
        <translation>candidature en formation, pas encore d’autorisation de travailler</translation>
    </message>
    <message>
        <source>in training, no tutor</source>
        <translation>en formation, sans tuteur</translation>
    </message>
    <message>
        <source>in training — tutor: {name} (free)</source>
        <translation>en formation — tuteur : {name} (libre)</translation>
    </message>
    <message>
        <source>in training — tutor: {name} (busy)</source>
        <translation>en formation — tuteur : {name} (occupé)</translation>
    </message>
    <message>
        <source>Suggested Lulus</source>
        <translation>Lulus suggérés</translation>
    </message>
</context>
<context>
    <name>TillPad</name>
    <message>
        <source>Decimal mark, before the cents</source>
        <translation>Virgule, avant les centimes</translation>
    </message>
    <message>
        <source>Erase the last digit typed</source>
        <translation>Effacer le dernier chiffre tapé</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <source>The till is open with a float of {amount}.</source>
        <translation>La caisse est ouverte avec un fond de {amount}.</translation>
    </message>
    <message>
        <source>Type an amount on every line (0 if none).</source>
        <translation>Tapez un montant sur chaque ligne (0 s’il n’y a rien).</translation>
    </message>
    <message>
        <source>The till is closed. The report {name} is sent to the printer.</source>
        <translation>La caisse est clôturée. Le rapport {name} part à l’imprimante.</translation>
    </message>
    <message>
        <source>The report {name} is sent to the printer again.</source>
        <translation>Le rapport {name} repart à l’imprimante.</translation>
    </message>
    <message>
        <source>You cannot close the till alone with this difference: a manager picks their name and types their PIN.</source>
        <translation>Avec cet écart, la clôture demande un responsable : il choisit son nom et tape son code.</translation>
    </message>
    <message>
        <source>The till is closed</source>
        <translation>La caisse est fermée</translation>
    </message>
    <message>
        <source>Count the float into the drawer, type it on the pad, then open the till.</source>
        <translation>Comptez le fond de caisse dans le tiroir, tapez-le sur le pavé, puis ouvrez la caisse.</translation>
    </message>
    <message>
        <source>The till is open</source>
        <translation>La caisse est ouverte</translation>
    </message>
    <message>
        <source>Opened by {name} on {when}, with a float of {amount}.</source>
        <translation>Ouverte par {name} le {when}, avec un fond de caisse de {amount}.</translation>
    </message>
    <message>
        <source>Float, in euros</source>
        <translation>Fond de caisse, en euros</translation>
    </message>
    <message>
        <source>Open the till</source>
        <translation>Ouvrir la caisse</translation>
    </message>
</context>
<context>
    <name>ToResolvePage</name>
    <message>
        <source>Marked resolved. The central server is told.</source>
        <translation>Marqué comme réglé. Le serveur central en est informé.</translation>
    </message>
    <message>
        <source>Taken here for an order another kiosk holds: move this payment to the order at that kiosk, or refund the person.</source>
        <translation>Encaissé ici pour une commande qu’un autre kiosque tient : reportez ce paiement sur la commande à ce kiosque, ou remboursez la personne.</translation>
    </message>
    <message>
        <source>The order is cancelled: refund the person (or move the money to another order).</source>
        <translation>La commande est annulée : remboursez la personne (ou reportez la somme sur une autre commande).</translation>
    </message>
    <message>
        <source>Paid beyond the price: refund the excess.</source>
        <translation>Payé au-delà du prix : remboursez le trop-perçu.</translation>
    </message>
    <message>
        <source>The order is cancelled but its invoice stands: issue a credit note.</source>
        <translation>La commande est annulée mais sa facture reste : émettez un avoir.</translation>
    </message>
    <message>
        <source>Order {number}, {amount}, since {at}</source>
        <translation>Commande {number}, {amount}, depuis le {at}</translation>
    </message>
    <message>
        <source>To resolve</source>
        <translation>À régler</translation>
    </message>
    <message>
        <source>Nothing to resolve.</source>
        <translation>Rien à régler.</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Marquer comme réglé</translation>
    </message>
</context>
<context>
    <name>TutorCheck</name>
    <message>
        <source>With their tutor {name}</source>
        <translation>Avec son tuteur {name}</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to the neighbourhood concierge</source>
        <translation>Bienvenue à la conciergerie du quartier</translation>
    </message>
    <message>
        <source>Touch what you would like to do.</source>
        <translation>Touchez ce que vous voulez faire.</translation>
    </message>
    <message>
        <source>Order a service</source>
        <translation>Commander un service</translation>
    </message>
    <message>
        <source>Follow my order</source>
        <translation>Suivre ma commande</translation>
    </message>
    <message>
        <source>Rate a service</source>
        <translation>Noter un service</translation>
    </message>
    <message>
        <source>Become a Lulu</source>
        <translation>Devenir Lulu</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>This kiosk is not enrolled with the central server yet: it takes no order for now. Please ask at the counter.</source>
        <translation>Ce kiosque n’est pas encore inscrit auprès du serveur central : il ne prend pas de commande pour l’instant. Merci de vous adresser à l’accueil.</translation>
    </message>
</context>
<context>
    <name>WhatStep</name>
    <message>
        <source>What do you need, and for how long?</source>
        <translation>De quoi avez-vous besoin, et pour combien de temps ?</translation>
    </message>
    <message>
        <source>Estimated price: {price}</source>
        <translation>Prix estimé : {price}</translation>
    </message>
    <message>
        <source>Describe what you need (optional)</source>
        <translation>Décrivez votre besoin (facultatif)</translation>
    </message>
    <message>
        <source>How long will it take, roughly?</source>
        <translation>Combien de temps environ ?</translation>
    </message>
    <message>
        <source>Less time</source>
        <translation>Moins de temps</translation>
    </message>
    <message>
        <source>More time</source>
        <translation>Plus de temps</translation>
    </message>
</context>
<context>
    <name>WhenStep</name>
    <message>
        <source>When should the Lulu come?</source>
        <translation>Quand le Lulu doit-il venir ?</translation>
    </message>
    <message>
        <source>Choose a day and a time window.</source>
        <translation>Choisissez un jour et un créneau.</translation>
    </message>
    <message>
        <source>Choose a time window.</source>
        <translation>Choisissez un créneau.</translation>
    </message>
</context>
<context>
    <name>WhereStep</name>
    <message>
        <source>Where should the Lulu come?</source>
        <translation>Où le Lulu doit-il venir ?</translation>
    </message>
    <message>
        <source>Say whether the Lulu comes to this address.</source>
        <translation>Dites si le Lulu vient à cette adresse.</translation>
    </message>
    <message>
        <source>Same address as last time?</source>
        <translation>Même adresse que la dernière fois ?</translation>
    </message>
    <message>
        <source>Yes, this address</source>
        <translation>Oui, cette adresse</translation>
    </message>
    <message>
        <source>No, another address</source>
        <translation>Non, une autre adresse</translation>
    </message>
    <message>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Building, staircase (if any)</source>
        <translation>Bâtiment, escalier (s’il y a lieu)</translation>
    </message>
    <message>
        <source>Floor (0 for the ground floor)</source>
        <translation>Étage (0 pour le rez-de-chaussée)</translation>
    </message>
    <message>
        <source>Door code, how to get in (if needed)</source>
        <translation>Code d’entrée, comment accéder (si besoin)</translation>
    </message>
    <message>
        <source>Is there a lift?</source>
        <translation>Y a-t-il un ascenseur ?</translation>
    </message>
    <message>
        <source>Yes, a lift</source>
        <translation>Oui, un ascenseur</translation>
    </message>
    <message>
        <source>No lift</source>
        <translation>Pas d’ascenseur</translation>
    </message>
</context>
<context>
    <name>WhoStep</name>
    <message>
        <source>Your phone number</source>
        <translation>Votre numéro de téléphone</translation>
    </message>
    <message>
        <source>Type your phone number.</source>
        <translation>Tapez votre numéro de téléphone.</translation>
    </message>
    <message>
        <source>Type your name.</source>
        <translation>Tapez votre nom.</translation>
    </message>
    <message>
        <source>Your phone number, so that the counter can call you</source>
        <translation>Votre numéro de téléphone, pour que le comptoir vous appelle</translation>
    </message>
    <message>
        <source>We do not know this number yet: your name</source>
        <translation>Nous ne connaissons pas encore ce numéro : votre nom</translation>
    </message>
    <message>
        <source>Welcome back, {initials}! We know this number.</source>
        <translation>Bon retour, {initials} ! Nous connaissons ce numéro.</translation>
    </message>
    <message>
        <source>Redo my last order</source>
        <translation>Refaire ma dernière commande</translation>
    </message>
</context>
</TS>
