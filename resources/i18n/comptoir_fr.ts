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
    <name>CounterScreen</name>
    <message>
        <source>Counter: {name} is logged in.</source>
        <translation>Comptoir : {name} est connecté(e).</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
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
