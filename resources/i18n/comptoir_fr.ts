<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <translation>Voici votre ticket : cette borne n’a pas d’imprimante. Notez votre numéro de commande.</translation>
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
        <source>The association keeps your name, phone number and address to organise this service and to send you its invoice. Only the counter team and the Lulu who comes to you see them. We never sell them nor give them to anyone else. You can ask at the counter to see them or to have them deleted at any time.</source>
        <translation>L’association garde votre nom, votre téléphone et votre adresse pour organiser ce service et vous envoyer sa facture. Seuls l’équipe du comptoir et le Lulu qui vient chez vous les voient. Nous ne les vendons ni ne les donnons jamais à personne. Vous pouvez à tout moment demander au comptoir de les voir ou de les effacer.</translation>
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
        <source>{units} × {minutes} min</source>
        <translation>{units} × {minutes} min</translation>
    </message>
    <message>
        <source>{service}: {price}</source>
        <translation>{service} : {price}</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <source>Find a client: phone or name</source>
        <translation>Chercher un client : téléphone ou nom</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Chercher un client</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Clients trouvés</translation>
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
        <source>The client agrees to the use of these details</source>
        <translation>Le client accepte l’usage de ces informations</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>Chercher une prestation</translation>
    </message>
    <message>
        <source>Services found</source>
        <translation>Prestations trouvées</translation>
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
        <source>What is to be done</source>
        <translation>Ce qu’il y a à faire</translation>
    </message>
    <message>
        <source>Confirm and print the ticket</source>
        <translation>Confirmer et imprimer le ticket</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <source>Counter: {name} is logged in.</source>
        <translation>Comptoir : {name} est connecté(e).</translation>
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
        <translation>Borne</translation>
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
    <name>FollowScreen</name>
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
    <name>KioskWindow</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Comptoir</source>
        <translation>Comptoir</translation>
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
    <name>OrderDetailPage</name>
    <message>
        <source>has the skill</source>
        <translation>a le savoir-faire</translation>
    </message>
    <message>
        <source>in training</source>
        <translation>en formation</translation>
    </message>
    <message>
        <source>Order confirmed.</source>
        <translation>Commande confirmée.</translation>
    </message>
    <message>
        <source>Lulu withdrawn.</source>
        <translation>Lulu retiré(e).</translation>
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
        <source>Payment of {amount} recorded.</source>
        <translation>Paiement de {amount} enregistré.</translation>
    </message>
    <message>
        <source>The ticket is sent to the printer.</source>
        <translation>Le ticket part à l’imprimante.</translation>
    </message>
    <message>
        <source>When: {start} – {end}</source>
        <translation>Quand : {start} – {end}</translation>
    </message>
    <message>
        <source>Client: {name}, {phone}</source>
        <translation>Client : {name}, {phone}</translation>
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
        <source>Estimate: {price} for {units} × {minutes} min</source>
        <translation>Devis : {price} pour {units} × {minutes} min</translation>
    </message>
    <message>
        <source>Final price: {price}</source>
        <translation>Prix final : {price}</translation>
    </message>
    <message>
        <source>{method}: {amount}, {at}</source>
        <translation>{method} : {amount}, {at}</translation>
    </message>
    <message>
        <source>Still due: {amount}</source>
        <translation>Reste dû : {amount}</translation>
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
        <source>Assign a Lulu</source>
        <translation>Attribuer un Lulu</translation>
    </message>
    <message>
        <source>Lulus</source>
        <translation>Lulus</translation>
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
        <source>Order {number}: {status}</source>
        <translation>Commande {number} : {status}</translation>
    </message>
</context>
<context>
    <name>OrderLookup</name>
    <message>
        <source>Order number (on your ticket, e.g. 01-0042)</source>
        <translation>Numéro de commande (sur votre ticket, par exemple 01-0042)</translation>
    </message>
    <message>
        <source>The phone number given with the order</source>
        <translation>Le numéro de téléphone donné avec la commande</translation>
    </message>
    <message>
        <source>Find my order</source>
        <translation>Trouver ma commande</translation>
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
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
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
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Please check your order</source>
        <translation>Vérifiez votre commande</translation>
    </message>
    <message>
        <source>Service: {name}</source>
        <translation>Service : {name}</translation>
    </message>
    <message>
        <source>When: {start} to {end}</source>
        <translation>Quand : {start} à {end}</translation>
    </message>
    <message>
        <source>Where: {street}, {postcode} {city}</source>
        <translation>Où : {street}, {postcode} {city}</translation>
    </message>
    <message>
        <source>Duration: about {duration}</source>
        <translation>Durée : environ {duration}</translation>
    </message>
    <message>
        <source>Name: {who}</source>
        <translation>Nom : {who}</translation>
    </message>
    <message>
        <source>Estimated price: {price}</source>
        <translation>Prix estimé : {price}</translation>
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
    <name>SlotPicker</name>
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
        <translation>de {start} à {end}</translation>
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
</context>
<context>
    <name>WhereStep</name>
    <message>
        <source>Where should the Lulu come?</source>
        <translation>Où le Lulu doit-il venir ?</translation>
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
</context>
</TS>
